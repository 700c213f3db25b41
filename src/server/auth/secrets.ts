import { createHash, randomBytes, randomInt } from 'node:crypto';

/** 256 random bits from the OS CSPRNG; shown to the device once, stored only as a hash. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

// Crockford's base32 without I, L, O, U: nothing to misread off a screen at night.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A join code people can type: 10 characters (50 bits), e.g. "K7QM-2XWD-9R". */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < 10; i += 1) code += alphabet[randomInt(alphabet.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** Accepts codes typed with spaces, lower case or look-alike letters. */
export function normalizeJoinCode(typed: string): string {
  const clean = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return clean.length === 10 ? `${clean.slice(0, 4)}-${clean.slice(4, 8)}-${clean.slice(8)}` : clean;
}
