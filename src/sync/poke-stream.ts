import { protocolHeader, protocolVersion } from '../domain/protocol-version';
import { changeSeqOfPoke } from '../domain/sync-protocol';

/**
 * Listens to the server's "something changed" stream. Read with fetch rather than EventSource
 * so the device token travels in a header, never in a URL that proxies log. Reconnects with a
 * pause when the stream drops; returns a function that stops it for good.
 */
export function followPokes(token: string, onPoke: () => void): () => void {
  let stopped = false;
  let controller: AbortController | undefined;
  const connect = async () => {
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await fetch('/api/sync/pokes', {
          headers: { authorization: `Bearer ${token}`, [protocolHeader]: String(protocolVersion) },
          signal: controller.signal,
          cache: 'no-store',
        });
        // Signed out, or an app too old for the server: nothing to listen for until that changes.
        if (response.status === 401 || response.status === 426) return;
        const reader = response.body?.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        while (reader && !stopped) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          const events = buffer.split('\n\n');
          buffer = events.pop() ?? '';
          if (events.some((e) => changeSeqOfPoke(e) !== null)) onPoke();
        }
      } catch {
        // Offline or server gone: wait, then try again.
      }
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, 15_000 + Math.random() * 15_000));
    }
  };
  void connect();
  return () => {
    stopped = true;
    controller?.abort();
  };
}
