import { createDecipheriv, createECDH, createHmac, createPublicKey, type ECDH, randomBytes, verify } from 'node:crypto';

/**
 * The browser's half of Web Push, written from the RFCs with node:crypto alone, so the tests check
 * what the server sends against the standards rather than against the library that made it.
 */

/** What a browser makes when it subscribes: a P-256 key pair and 16 random bytes (RFC 8291 §2). */
export interface BrowserKeys {
  ecdh: ECDH;
  authSecret: Buffer;
  /** As PushSubscription.toJSON() gives them: base64url without padding. */
  p256dh: string;
  auth: string;
}

export function newBrowserKeys(): BrowserKeys {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const authSecret = randomBytes(16);
  return { ecdh, authSecret, p256dh: ecdh.getPublicKey().toString('base64url'), auth: authSecret.toString('base64url') };
}

const hmac = (key: Buffer, ...data: Buffer[]) => {
  const mac = createHmac('sha256', key);
  for (const part of data) mac.update(part);
  return mac.digest();
};

/**
 * Decrypts an `aes128gcm` push message body (RFC 8188 framing, RFC 8291 keys). Throws with the
 * reason when any step fails: a wrong key, a bad tag, several records, a missing delimiter.
 */
export function decryptPushMessage(body: Buffer, keys: BrowserKeys): string {
  if (body.length < 16 + 4 + 1) throw new Error('body shorter than the aes128gcm header');
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const senderPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  if (idLength !== 65 || senderPublic[0] !== 4) throw new Error('keyid is not the sender’s P-256 public key');
  if (recordSize < 18) throw new Error(`record size ${recordSize} below the minimum`);
  // RFC 8291 §4: a push message is one record.
  if (ciphertext.length > recordSize) throw new Error('more than one record');
  if (ciphertext.length < 17) throw new Error('record shorter than its tag');

  const ecdhSecret = keys.ecdh.computeSecret(senderPublic);
  // RFC 8291 §3.3-3.4: the auth secret and both public keys go into the input keying material.
  const prkKey = hmac(keys.authSecret, ecdhSecret);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), keys.ecdh.getPublicKey(), senderPublic]);
  const ikm = hmac(prkKey, keyInfo, Buffer.from([1]));
  // RFC 8188 §2.2-2.3: content encryption key and nonce from the salt.
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0'), Buffer.from([1])).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0'), Buffer.from([1])).subarray(0, 12);

  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then any zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (end < 0 || padded[end] !== 2) throw new Error('the last record has no 0x02 delimiter');
  return padded.subarray(0, end).toString('utf8');
}

export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
  /** The public key from `k=`, base64url. */
  publicKey: string;
}

/**
 * Checks an RFC 8292 `Authorization: vapid t=<JWT>, k=<key>` header: the ES256 signature against k,
 * the audience against the push service's origin, an expiry in the future and within 24 hours,
 * and a subject. Returns the claims, or throws with the reason.
 */
export function verifyVapid(header: string | undefined, origin: string, nowSeconds: number): VapidClaims {
  const match = /^vapid t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+), k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match) throw new Error(`Authorization is not "vapid t=…, k=…": ${header}`);
  const [headerPart, claimsPart, signaturePart] = match[1]!.split('.') as [string, string, string];
  const jwtHeader = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8')) as { alg?: string };
  if (jwtHeader.alg !== 'ES256') throw new Error(`JWT alg is ${jwtHeader.alg}, not ES256`);
  const raw = Buffer.from(match[2]!, 'base64url');
  if (raw.length !== 65 || raw[0] !== 4) throw new Error('k is not an uncompressed P-256 public key');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33).toString('base64url') },
    format: 'jwk',
  });
  const signed = Buffer.from(`${headerPart}.${claimsPart}`);
  // JWS ES256 signatures are r || s (64 bytes), not DER.
  if (!verify('sha256', signed, { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signaturePart, 'base64url'))) {
    throw new Error('the JWT signature does not verify with k');
  }
  const claims = JSON.parse(Buffer.from(claimsPart, 'base64url').toString('utf8')) as Partial<VapidClaims>;
  if (claims.aud !== origin) throw new Error(`aud is ${claims.aud}, not ${origin}`);
  if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) throw new Error('exp is not in the future');
  if (claims.exp > nowSeconds + 24 * 3600) throw new Error('exp is more than 24 hours ahead');
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub)) throw new Error(`sub is ${claims.sub}`);
  return { aud: claims.aud, exp: claims.exp, sub: claims.sub, publicKey: match[2]! };
}
