import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import type { BrowserContext } from '@playwright/test';
import { parseDatabaseUrl } from '../../src/server/config';
import { openStorage } from '../../src/server/storage/storage';

/**
 * Chromium here cannot subscribe (its push service is Google's, out of reach; it answers "permission
 * denied"), so the page's PushManager hands out a subscription made like a browser's: a real P-256
 * key and auth secret, kept across reloads. Everything else (permission, the server's key, the PUT,
 * sign-out) is the app's real code against the real server.
 */
export async function standInPushService(context: BrowserContext): Promise<{ endpoint: string }> {
  const ecdh = createECDH('prime256v1');
  const endpoint = `https://push.example.net/send/${randomUUID()}`;
  const keys = { p256dh: ecdh.generateKeys().toString('base64url'), auth: randomBytes(16).toString('base64url') };
  await context.addInitScript(
    ({ endpoint, keys }) => {
      const toBase64url = (buffer: ArrayBuffer | ArrayBufferView) => {
        const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array(buffer.buffer);
        return btoa(String.fromCharCode(...bytes))
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, '');
      };
      const fromBase64url = (text: string) =>
        Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)).buffer;
      const stored = () => JSON.parse(localStorage.getItem('stand-in-push') ?? 'null') as { key: string } | null;
      const subscription = (key: string) => ({
        endpoint,
        expirationTime: null,
        options: { userVisibleOnly: true, applicationServerKey: fromBase64url(key) },
        toJSON: () => ({ endpoint, expirationTime: null, keys }),
        unsubscribe: async () => {
          localStorage.removeItem('stand-in-push');
          localStorage.setItem('stand-in-push-unsubscribed', 'yes');
          return true;
        },
      });
      PushManager.prototype.getSubscription = async () => {
        const found = stored();
        return (found ? subscription(found.key) : null) as unknown as PushSubscription;
      };
      PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) => {
        const key = toBase64url(options!.applicationServerKey as ArrayBuffer);
        localStorage.setItem('stand-in-push', JSON.stringify({ key }));
        return subscription(key) as unknown as PushSubscription;
      };
    },
    { endpoint, keys },
  );
  return { endpoint };
}

export async function serverSubscriptions(databaseUrl: string): Promise<string[]> {
  const storage = await openStorage(parseDatabaseUrl(databaseUrl, process.cwd()));
  try {
    return (await storage.db.selectFrom('push_subscriptions').select('endpoint').execute()).map((r) => r.endpoint);
  } finally {
    await storage.close();
  }
}
