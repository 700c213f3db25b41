import { connect, createServer, type Socket } from 'node:net';
import { freePort } from '../free-port';

/**
 * A TCP proxy in front of a test server: what a phone sends can be slowed to a festival's
 * uplink, so a test can stop the server while a photo is on its way; the server behind it can
 * be killed and started again on the same port while the phone keeps the proxy's address. It
 * notes the request line of every photo request, as they reach the server.
 */
export interface ThrottlingProxy {
  url: string;
  /** "PUT /api/photos/<hash>/upload?offset=…" and so on, in arrival order. */
  photoRequests: string[];
  /** Bytes a second from the phone to the server; null for no limit. */
  throttle(bytesPerSecond: number | null): void;
  /** Bytes a second from the server to the phone (a slow download); null for no limit. */
  throttleDown(bytesPerSecond: number | null): void;
  close(): Promise<void>;
}

export async function startThrottlingProxy(targetPort: number, listenPort?: number): Promise<ThrottlingProxy> {
  const port = listenPort ?? (await freePort());
  let bytesPerSecond: number | null = null;
  let downBytesPerSecond: number | null = null;
  const photoRequests: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    upstream.on('data', (chunk) => {
      if (downBytesPerSecond === null) {
        client.write(chunk);
        return;
      }
      upstream.pause();
      setTimeout(
        () => {
          client.write(chunk);
          upstream.resume();
        },
        (chunk.length / downBytesPerSecond) * 1000,
      );
    });
    client.on('data', (chunk) => {
      for (const match of chunk.toString('latin1').matchAll(/(GET|PUT) (\/api\/photos\/[^ ]+) HTTP\/1\.1/g)) {
        photoRequests.push(`${match[1]} ${match[2]}`);
      }
      if (bytesPerSecond === null) {
        upstream.write(chunk);
        return;
      }
      // Held back as long as the chunk takes at this speed, and nothing more is read meanwhile.
      client.pause();
      setTimeout(
        () => {
          upstream.write(chunk);
          client.resume();
        },
        (chunk.length / bytesPerSecond) * 1000,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    photoRequests,
    throttle: (limit) => {
      bytesPerSecond = limit;
    },
    throttleDown: (limit) => {
      downBytesPerSecond = limit;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
