import * as z from 'zod/mini';
import type { ErrorReason } from '../domain/app-error';
import { protocolHeader, protocolVersion } from '../domain/protocol-version';
import { changeSeqOfPoke, errorBodySchema } from '../domain/sync-protocol';
import { backoffDelay } from './backoff';

/**
 * Listens to the server's "something changed" stream. Read with fetch rather than EventSource
 * so the device token travels in a header, never in a URL that proxies log. When the stream
 * drops or the server is down it tries again with the sync engine's bounded, jittered backoff;
 * every connection after the first calls `onPoke` too, because the server may just have come
 * back and pokes sent while the stream was down were missed. A refusal (signed out, too old)
 * ends it and calls `onRefused`. Returns a function that stops it for good.
 */
export function followPokes(
  token: string,
  onPoke: () => void,
  baseUrl = '',
  onRefused: (reason: ErrorReason | undefined) => void = () => undefined,
): () => void {
  let stopped = false;
  let controller: AbortController | undefined;
  let failures = 0;
  let firstAttempt = true;
  const connect = async () => {
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await fetch(`${baseUrl}/api/sync/pokes`, {
          headers: { authorization: `Bearer ${token}`, [protocolHeader]: String(protocolVersion) },
          signal: controller.signal,
          cache: 'no-store',
        });
        // Signed out, or an app too old for the server: nothing to listen for until that changes.
        // The sync engine hears of it (a signed-out phone removes its attendee data at once).
        if (response.status === 401 || response.status === 426) {
          const reason = await reasonOf(response);
          if (!stopped) onRefused(reason);
          return;
        }
        const reader = response.ok ? response.body?.getReader() : undefined;
        if (!reader) throw new Error(`no poke stream (${response.status})`);
        failures = 0;
        if (!firstAttempt) onPoke();
        firstAttempt = false;
        const decoder = new TextDecoder();
        let buffer = '';
        while (!stopped) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          const events = buffer.split('\n\n');
          buffer = events.pop() ?? '';
          if (events.some((e) => changeSeqOfPoke(e) !== null)) onPoke();
        }
      } catch {
        // Offline, or the server is gone or starting: wait, then try again.
        failures += 1;
        firstAttempt = false;
      }
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, backoffDelay(failures, Math.random())));
    }
  };
  void connect();
  return () => {
    stopped = true;
    controller?.abort();
  };
}

/** The reason a refusal gives (app-error.ts), if its body says one. */
async function reasonOf(response: Response): Promise<ErrorReason | undefined> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = z.safeParse(errorBodySchema, body);
  return parsed.success ? parsed.data.error.reason : undefined;
}
