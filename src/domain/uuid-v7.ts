/**
 * Formats a UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Time-ordered ids
 * keep IndexedDB and SQLite indexes compact. Time and randomness are passed in (pure).
 */
export function uuidV7(unixMs: number, random: Uint8Array): string {
  if (random.length < 10) throw new Error('uuidV7 needs 10 random bytes');
  const bytes = new Uint8Array(16);
  let ms = Math.max(0, Math.floor(unixMs));
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes.set(random.subarray(0, 10), 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
