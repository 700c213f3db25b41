import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { maxPhotoBytes } from '../../src/domain/photo';
import { photoChunkPath, uploadChunkBytes } from '../../src/domain/photo-protocol';
import { protocolHeader, protocolVersion } from '../../src/domain/protocol-version';
import { buildApp } from '../../src/server/app';
import { openDiskPhotoStore } from '../../src/server/photos/disk-photo-store';
import { jpegOfSize, sha256 } from '../server/photo-fixtures';
import { joinAs, setUpEvent } from '../server/sync-helpers';
import { type BenchRow, round } from './result';

const photoCount = 100;
const photoBytes = 300 * 1024;

interface File {
  hash: string;
  bytes: Buffer;
}

const filesOf = (set: string): File[] =>
  Array.from({ length: photoCount }, (_, i) => {
    const bytes = jpegOfSize(photoBytes, `bench-${set}-${i}`);
    return { hash: sha256(bytes), bytes };
  });

/** One photo as the phone's queue sends it: chunk after chunk until the server says complete. */
async function uploadThroughProtocol(base: string, token: string, file: File): Promise<void> {
  let offset = 0;
  for (;;) {
    const end = Math.min(offset + uploadChunkBytes, file.bytes.length);
    const answer = await fetch(`${base}${photoChunkPath(file.hash, { offset, total: file.bytes.length, type: 'image/jpeg' })}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        [protocolHeader]: String(protocolVersion),
        'content-type': 'application/octet-stream',
      },
      // A copy either way: fetch takes a plain Uint8Array, not a Buffer over a shared pool.
      body: new Uint8Array(file.bytes.subarray(offset, end)),
    });
    if (answer.status !== 200) throw new Error(`photo upload refused: ${answer.status} ${await answer.text()}`);
    const state = (await answer.json()) as { received: number; complete: boolean };
    if (state.complete) return;
    offset = state.received;
  }
}

async function uploadBare(base: string, file: File): Promise<void> {
  const answer = await fetch(`${base}/bench/bare/${file.hash}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream' },
    body: new Uint8Array(file.bytes),
  });
  if (answer.status !== 200) throw new Error(`bare upload refused: ${answer.status} ${await answer.text()}`);
  await answer.arrayBuffer();
}

/**
 * The floor a photo upload is measured against, on the same Fastify with its hooks: one PUT of
 * the whole file, written to a folder as the disk store writes (temporary file, fsync, rename),
 * with no device, no database, no chunks and no checks.
 */
async function addBareRoute(app: FastifyInstance, dir: string): Promise<void> {
  const store = openDiskPhotoStore(dir);
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: maxPhotoBytes },
      (_request, body, done) => done(null, body),
    );
    scope.put('/bench/bare/:hash', async (request) => {
      await store.put((request.params as { hash: string }).hash, request.body as Buffer, 'image/jpeg');
      return { ok: true };
    });
  });
}

async function timed(files: File[], upload: (file: File) => Promise<void>): Promise<number> {
  const started = performance.now();
  for (const file of files) await upload(file);
  return (performance.now() - started) / 1000;
}

/**
 * 100 photos of 300 KB (two chunks each) uploaded one after another, as one phone's queue sends
 * them, over HTTP to a server on SQLite with the disk store; and the same bytes as one bare PUT
 * each to the same server. Each way runs twice, alternating, and the faster run counts, so a
 * busy moment of the machine does not decide the ratio.
 */
export async function benchPhotoUpload(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'helptent-bench-photos-'));
  const app = await buildApp({ storage: { kind: 'sqlite', file: join(dir, 'data', 'bench.sqlite') }, staticDir: null });
  try {
    await addBareRoute(app, join(dir, 'bare'));
    await setUpEvent(app);
    const device = await joinAs(app, 'staff', 'Bench');
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const [warmUp, first, second] = ['warm-up', 'a', 'b'].map(filesOf);
    for (const file of warmUp!.slice(0, 10)) {
      await uploadThroughProtocol(base, device.token, file);
      await uploadBare(base, file);
    }
    const protocol: number[] = [];
    const bare: number[] = [];
    // The same files both ways (the bare route writes to a folder of its own), in turn first.
    bare.push(await timed(first!, (file) => uploadBare(base, file)));
    protocol.push(await timed(first!, (file) => uploadThroughProtocol(base, device.token, file)));
    protocol.push(await timed(second!, (file) => uploadThroughProtocol(base, device.token, file)));
    bare.push(await timed(second!, (file) => uploadBare(base, file)));
    const protocolSeconds = Math.min(...protocol);
    const bareSeconds = Math.min(...bare);
    return [
      {
        name: `upload of ${photoCount} photos (300 KB each) through the photo protocol`,
        value: round(protocolSeconds),
        unit: 's',
      },
      { name: `bare upload of the same bytes (one PUT each, synced to disk, no checks)`, value: round(bareSeconds), unit: 's' },
      { name: 'photo protocol ratio to the bare upload', value: round(protocolSeconds / bareSeconds), unit: 'x' },
    ];
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
