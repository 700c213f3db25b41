import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';

/**
 * How a phone tells the server where to send Web Push messages for it (src/sync/push-api.ts and
 * src/server/routes/push.ts), every route for the signed-in device only:
 * - `GET    /api/push/key`          → `{ publicKey }`, the server's VAPID key to subscribe with;
 * - `PUT    /api/push/subscription` with the browser's `PushSubscription.toJSON()` → `{ subscribed: true }`;
 *   one subscription per device, a new one replaces the old;
 * - `DELETE /api/push/subscription` → `{ removed }` (false when there was none).
 * The server also forgets a device's subscription when the device is signed out and when the push
 * service says it is gone (404 or 410).
 */

export const maxEndpointLength = 1000;

/** An `https:` address of at most 1,000 characters, as every browser's push service gives. */
const endpoint = lazySchema(() =>
  z.string().check(
    z.maxLength(maxEndpointLength, `must be at most ${maxEndpointLength} characters`),
    z.refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
      } catch {
        return false;
      }
    }, 'must be an https:// address of a push service'),
  ),
);

/**
 * The browser's keys in base64url (padding tolerated): p256dh is an uncompressed P-256 point,
 * 65 bytes starting with 0x04 (so its text starts with "B"); auth is 16 random bytes.
 */
const p256dh = lazySchema(() =>
  z.string().check(z.regex(/^B[A-Za-z0-9_-]{86}=?$/, 'must be a P-256 public key (65 bytes, base64url)')),
);
const auth = lazySchema(() => z.string().check(z.regex(/^[A-Za-z0-9_-]{22}(==)?$/, 'must be 16 bytes in base64url')));

export const pushSubscriptionRequestSchema = lazySchema(() =>
  z.object({
    endpoint,
    /** The browser's own expiry, when it gives one; the server relies on 404/410 instead. */
    expirationTime: z.optional(z.nullable(z.number())),
    keys: z.object({ p256dh, auth }),
  }),
);
export type PushSubscriptionRequest = z.infer<typeof pushSubscriptionRequestSchema>;

export const pushKeyAnswerSchema = lazySchema(() => z.object({ publicKey: z.string() }));
export const pushSubscribedAnswerSchema = lazySchema(() => z.object({ subscribed: z.literal(true) }));
export const pushRemovedAnswerSchema = lazySchema(() => z.object({ removed: z.boolean() }));

export const pushKeyPath = '/api/push/key';
export const pushSubscriptionPath = '/api/push/subscription';
