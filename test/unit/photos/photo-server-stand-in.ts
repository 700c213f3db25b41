import { sha256Hex } from '../../../src/sync/content-hash';

/**
 * A minimal stand-in for the server's photo routes (src/domain/photo-protocol.ts), in memory, for
 * unit tests only: the e2e tests run against the real server. It can lose answers, forget what
 * it held (a restart without its disk), and count how often it stored each file.
 */
export class PhotoServerStandIn {
  readonly partial = new Map<string, { bytes: Uint8Array<ArrayBuffer>; received: number; total: number }>();
  readonly stored = new Map<string, Uint8Array<ArrayBuffer>>();
  /** How many times each file was stored whole: a file uploaded once is stored once. */
  readonly storedTimes = new Map<string, number>();
  readonly puts: { hash: string; offset: number; length: number }[] = [];
  readonly gets: string[] = [];
  /** The next N chunk PUTs are applied, but their answers are lost on the way back. */
  loseAnswers = 0;
  /** Requests that arrived, answered or not. */
  requests = 0;
  /** Every request hangs (a signal that never answers). */
  hang = false;
  /** Answers every request with this status. */
  failWith: number | null = null;

  readonly fetch = (async (input: string | URL | Request, init: RequestInit = {}) => {
    this.requests += 1;
    if (this.hang) return new Promise<Response>(() => undefined);
    if (this.failWith) return json({ error: { kind: 'forbidden', message: 'Not yours.' } }, this.failWith);
    const url = new URL(String(input), 'http://stand-in');
    const auth = new Headers(init.headers).get('authorization');
    if (auth !== 'Bearer device-token') return json({ error: { kind: 'unauthorized', message: 'Join first.' } }, 401);
    const upload = /^\/api\/photos\/([0-9a-f]{64})\/upload$/.exec(url.pathname);
    const download = /^\/api\/photos\/([0-9a-f]{64})$/.exec(url.pathname);
    if (upload && (init.method ?? 'GET') === 'GET') {
      this.gets.push(upload[1]!);
      return json(this.stateOf(upload[1]!));
    }
    if (upload && init.method === 'PUT') return this.put(upload[1]!, url, init.body as Blob);
    if (download) {
      const file = this.stored.get(download[1]!);
      return file
        ? new Response(file, { headers: { 'content-type': 'image/jpeg' } })
        : json({ error: { kind: 'not-found', message: 'No such photo.' } }, 404);
    }
    return json({ error: { kind: 'not-found', message: 'No such route.' } }, 404);
  }) as typeof fetch;

  stateOf(hash: string): { received: number; complete: boolean } {
    const whole = this.stored.get(hash);
    if (whole) return { received: whole.length, complete: true };
    return { received: this.partial.get(hash)?.received ?? 0, complete: false };
  }

  /** A restart that kept nothing of the files on their way (the worst case: a disk-less server). */
  forgetPartialUploads(): void {
    this.partial.clear();
  }

  private async put(hash: string, url: URL, body: Blob): Promise<Response> {
    const offset = Number(url.searchParams.get('offset'));
    const total = Number(url.searchParams.get('total'));
    const chunk = new Uint8Array(await body.arrayBuffer());
    this.puts.push({ hash, offset, length: chunk.length });
    const state = this.stateOf(hash);
    if (state.complete || offset !== state.received) return json(state, 409);
    const held = this.partial.get(hash) ?? { bytes: new Uint8Array(total), received: 0, total };
    held.bytes.set(chunk, offset);
    held.received = offset + chunk.length;
    this.partial.set(hash, held);
    if (held.received === total) {
      this.partial.delete(hash);
      if ((await sha256Hex(held.bytes.buffer)) !== hash)
        return json({ error: { kind: 'invalid', message: 'Not the file it names.' } }, 422);
      this.stored.set(hash, held.bytes);
      this.storedTimes.set(hash, (this.storedTimes.get(hash) ?? 0) + 1);
    }
    if (this.loseAnswers > 0) {
      this.loseAnswers -= 1;
      throw new TypeError('Failed to fetch');
    }
    return json(this.stateOf(hash));
  }
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
