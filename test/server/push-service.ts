import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserKeys, decryptPushMessage, newBrowserKeys, type VapidClaims, verifyVapid } from './push-crypto';

/**
 * A push service (RFC 8030) that runs in the test, since no real one (Google's, Mozilla's,
 * Apple's) is reachable from these machines. It takes the POST the server sends for a
 * subscription, checks its headers and VAPID signature as a push service does, decrypts the
 * payload with the subscription's private key as the browser would, and keeps what it delivered.
 * HTTPS, because web-push only speaks HTTPS: the certificate is made for 127.0.0.1 at start.
 */

export interface TestSubscription {
  id: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  browser: BrowserKeys;
  /** The VAPID key the browser subscribed with; a message signed with another is refused (403). */
  applicationServerKey: string;
}

export interface DeliveredPush {
  subscriptionId: string;
  payload: string;
  ttl: number;
  urgency: string | null;
  topic: string | null;
  vapid: VapidClaims;
}

export interface RefusedPush {
  subscriptionId: string;
  status: number;
  reason: string;
}

export interface PushService {
  origin: string;
  /** The certificate to trust (PEM). */
  ca: string;
  /** A browser subscribing with this server key. */
  subscribe(applicationServerKey: string): TestSubscription;
  /** From now on answer this status (410 gone, 404, 500, 429) for the subscription. */
  answer(subscriptionId: string, status: number): void;
  /** Hold every answer this long (to make the sender time out). */
  delayAnswers(ms: number): void;
  delivered: DeliveredPush[];
  refused: RefusedPush[];
  /** Resolves once this many messages were delivered or refused. */
  waitForRequests(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

let certificate: { key: string; cert: string } | undefined;

/** A self-signed P-256 certificate for 127.0.0.1, made once per test process with openssl. */
function testCertificate(): { key: string; cert: string } {
  if (certificate) return certificate;
  const dir = mkdtempSync(join(tmpdir(), 'helptent-push-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    certificate = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
    return certificate;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const urgencies = new Set(['very-low', 'low', 'normal', 'high']);

export async function startPushService(): Promise<PushService> {
  const tls = testCertificate();
  const subscriptions = new Map<string, TestSubscription>();
  const statusOf = new Map<string, number>();
  const delivered: DeliveredPush[] = [];
  const refused: RefusedPush[] = [];
  let delayMs = 0;
  let origin = '';
  const waiters = new Set<() => void>();
  // Like a real push service, a token whose signature was verified once is not verified again
  // (senders reuse one for hours); its expiry is still checked on every message.
  const verified = new Map<string, VapidClaims>();
  const checkVapid = (header: string | undefined) => {
    const now = Math.floor(Date.now() / 1000);
    const known = header === undefined ? undefined : verified.get(header);
    if (known && known.exp > now) return known;
    const claims = verifyVapid(header, origin, now);
    verified.set(header!, claims);
    return claims;
  };
  const settled = () => {
    for (const wake of waiters) wake();
  };

  const server: Server = createServer({ key: tls.key, cert: tls.cert }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const id = /^\/push\/([\w-]+)$/.exec(request.url ?? '')?.[1] ?? '';
      const finish = (status: number, reason?: string) => {
        if (reason !== undefined) refused.push({ subscriptionId: id, status, reason });
        const send = () => {
          if (status === 201) response.setHeader('location', `${origin}/message/${randomUUID()}`);
          response.writeHead(status).end(reason ?? '');
          settled();
        };
        if (delayMs > 0) setTimeout(send, delayMs);
        else send();
      };
      const subscription = subscriptions.get(id);
      if (request.method !== 'POST') return finish(405, `method ${request.method}`);
      if (!subscription) return finish(404, 'no such subscription');
      const forced = statusOf.get(id);
      if (forced !== undefined) return finish(forced, `told to answer ${forced}`);
      const body = Buffer.concat(chunks);
      try {
        const ttl = Number(request.headers.ttl);
        if (request.headers.ttl === undefined || !Number.isInteger(ttl) || ttl < 0)
          throw new Error('TTL header missing or not a number');
        const urgency = (request.headers.urgency as string | undefined) ?? null;
        if (urgency !== null && !urgencies.has(urgency)) throw new Error(`Urgency ${urgency}`);
        const topic = (request.headers.topic as string | undefined) ?? null;
        if (topic !== null && !/^[A-Za-z0-9_-]{1,32}$/.test(topic)) throw new Error(`Topic ${topic}`);
        if (request.headers['content-encoding'] !== 'aes128gcm') throw new Error('Content-Encoding is not aes128gcm');
        if (body.length > 4096) return finish(413, 'payload over 4096 bytes');
        const vapid = checkVapid(request.headers.authorization);
        if (vapid.publicKey !== subscription.applicationServerKey)
          return finish(403, 'k is not the key the browser subscribed with');
        const payload = decryptPushMessage(body, subscription.browser);
        delivered.push({ subscriptionId: id, payload, ttl, urgency, topic, vapid });
        finish(201);
      } catch (error) {
        finish(400, (error as Error).message);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as { port: number }).port}`;

  return {
    origin,
    ca: tls.cert,
    subscribe(applicationServerKey) {
      const id = randomUUID();
      const browser = newBrowserKeys();
      const subscription = {
        id,
        endpoint: `${origin}/push/${id}`,
        keys: { p256dh: browser.p256dh, auth: browser.auth },
        browser,
        applicationServerKey,
      };
      subscriptions.set(id, subscription);
      return subscription;
    },
    answer: (id, status) => statusOf.set(id, status),
    delayAnswers: (ms) => {
      delayMs = ms;
    },
    delivered,
    refused,
    waitForRequests(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (delivered.length + refused.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`push service saw ${delivered.length + refused.length} of ${count} requests`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
