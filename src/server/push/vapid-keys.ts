import { createECDH } from 'node:crypto';
import type { Kysely } from 'kysely';
import webpush from 'web-push';
import type { ServerDatabase } from '../storage/schema';

/** A VAPID key pair (RFC 8292) in base64url: the P-256 public point (65 bytes) and private scalar (32 bytes). */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * Why a configured key pair cannot be used, or null. A public key that does not belong to the
 * private key (two variables from different pairs) would make every push service refuse every
 * message with 403, so it is caught at start instead.
 */
export function vapidKeyPairProblem(keys: VapidKeys): string | null {
  const publicKey = Buffer.from(keys.publicKey, 'base64url');
  const privateKey = Buffer.from(keys.privateKey, 'base64url');
  if (!/^[A-Za-z0-9_-]+$/.test(keys.publicKey) || publicKey.length !== 65 || publicKey[0] !== 4) {
    return 'HELPTENT_VAPID_PUBLIC_KEY must be a P-256 public key: 65 bytes in base64url without "=" (87 characters).';
  }
  if (!/^[A-Za-z0-9_-]+$/.test(keys.privateKey) || privateKey.length !== 32) {
    return 'HELPTENT_VAPID_PRIVATE_KEY must be a P-256 private key: 32 bytes in base64url without "=" (43 characters).';
  }
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(privateKey);
    if (!ecdh.getPublicKey().equals(publicKey)) {
      return 'HELPTENT_VAPID_PUBLIC_KEY is not the public key of HELPTENT_VAPID_PRIVATE_KEY: set both from the same pair (npx web-push generate-vapid-keys).';
    }
  } catch {
    return 'HELPTENT_VAPID_PRIVATE_KEY is not a valid P-256 private key.';
  }
  return null;
}

const keyRow = 'vapid';

/**
 * The server's VAPID keys: the configured pair when there is one; otherwise the pair kept in the
 * database, made on the first start. Instances starting together on one PostgreSQL each try to
 * insert a pair and all keep the one that won, so every instance signs with the same key.
 */
export async function loadVapidKeys(db: Kysely<ServerDatabase>, configured: VapidKeys | null, now: Date): Promise<VapidKeys> {
  if (configured) return configured;
  const made = webpush.generateVAPIDKeys();
  await db
    .insertInto('push_keys')
    .values({ id: keyRow, public_key: made.publicKey, private_key: made.privateKey, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await db
    .selectFrom('push_keys')
    .select(['public_key', 'private_key'])
    .where('id', '=', keyRow)
    .executeTakeFirstOrThrow();
  return { publicKey: row.public_key, privateKey: row.private_key };
}
