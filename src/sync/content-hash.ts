/**
 * SHA-256 of a file's bytes in lowercase hex: a photo file's name on the phone, in the upload
 * queue and on the server. crypto.subtle exists only in secure contexts (HTTPS, or localhost).
 */
export async function sha256Hex(data: Blob | ArrayBuffer): Promise<string> {
  const bytes = data instanceof ArrayBuffer ? data : await data.arrayBuffer();
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
