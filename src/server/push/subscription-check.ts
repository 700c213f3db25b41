import { createECDH } from 'node:crypto';
import type { PushSubscriptionRequest } from '../../domain/push-protocol';
import { endpointProblem } from './endpoint-guard';

/** True when the text is a point on P-256: a key of the right length may still be no key at all. */
function isP256Point(base64url: string): boolean {
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    ecdh.computeSecret(Buffer.from(base64url, 'base64url'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Why the server will not store this subscription, in a sentence, or null. The schema has
 * checked the shapes already; this checks what it cannot: where the endpoint points (SSRF) and
 * that the browser's key is a real P-256 key, so a bad one is refused now, not at every alert.
 */
export function subscriptionProblem(subscription: PushSubscriptionRequest, allowPrivate: boolean): string | null {
  const problem = endpointProblem(subscription.endpoint, allowPrivate);
  if (problem) return problem;
  if (!isP256Point(subscription.keys.p256dh)) return 'The subscription key p256dh is not a P-256 public key.';
  return null;
}

/** Base64url without padding, as web-push and the push services expect. */
export const unpadded = (text: string): string => text.replace(/=+$/, '');
