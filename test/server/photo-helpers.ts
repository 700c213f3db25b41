import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import S3rver from 's3rver';
import type { PhotoType } from '../../src/domain/photo';
import { photoChunkPath, photoPath, photoUploadPath, uploadChunkBytes } from '../../src/domain/photo-protocol';
import { buildApp } from '../../src/server/app';
import type { PhotoStoreConfig, S3PhotoStoreConfig } from '../../src/server/photos/photo-config';
import { type Backend, startTestServer, type TestServer } from './helpers';
import { sha256 } from './photo-fixtures';
import { deviceHeaders, mutation, newUuid, push, type TestDevice } from './sync-helpers';

export const s3Bucket = 'helptent-photos';

export interface TestS3 {
  /** A store configuration of its own (a fresh key prefix) on the one test S3 server. */
  config(): S3PhotoStoreConfig;
  close(): Promise<void>;
}

/** An S3-compatible server (s3rver) on a free loopback port, keeping its objects in a temporary folder. */
export async function startS3(): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), 'helptent-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: s3Bucket, configs: [] }],
  });
  const { port } = await server.run();
  let prefixes = 0;
  return {
    config: () => {
      prefixes += 1;
      return {
        kind: 's3',
        bucket: s3Bucket,
        region: 'us-east-1',
        endpoint: `http://127.0.0.1:${port}`,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        forcePathStyle: true,
        prefix: `t${Date.now().toString(36)}${prefixes}/`,
      };
    },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Which photo store each database is tested with: SQLite with the folder beside it, PostgreSQL with S3. */
export const photoBackends = (backends: Backend[]) =>
  backends.map((backend) => ({ backend, store: backend === 'sqlite' ? 'disk' : 's3' }));

export interface PhotoTestServer extends TestServer {
  /** Its photo store configuration, for a second instance or a restart on the same storage. */
  photos: PhotoStoreConfig | undefined;
}

/** A test server whose photos go where its backend's deployments keep them. */
export async function startPhotoServer(backend: Backend, s3: () => Promise<TestS3>): Promise<PhotoTestServer> {
  const photos = backend === 'sqlite' ? undefined : (await s3()).config();
  return { ...(await startTestServer({ backend, ...(photos ? { photos } : {}) })), photos };
}

/** Another instance on the same database and photo store (or the same one started again). */
export function buildInstance(server: PhotoTestServer) {
  return buildApp({
    storage: server.storage,
    staticDir: null,
    checkAnswers: true,
    ...(server.photos ? { photos: server.photos } : {}),
  });
}

export function putChunk(
  app: FastifyInstance,
  device: TestDevice,
  file: { hash: string; bytes: Buffer; type: PhotoType },
  offset: number,
  end = Math.min(offset + uploadChunkBytes, file.bytes.length),
  total = file.bytes.length,
) {
  return app.inject({
    method: 'PUT',
    url: photoChunkPath(file.hash, { offset, total, type: file.type }),
    headers: { ...deviceHeaders(device), 'content-type': 'application/octet-stream' },
    payload: file.bytes.subarray(offset, end),
  });
}

export function uploadState(app: FastifyInstance, device: TestDevice, hash: string) {
  return app.inject({ method: 'GET', url: photoUploadPath(hash), headers: deviceHeaders(device) });
}

export function fetchPhoto(app: FastifyInstance, device: TestDevice, hash: string, issueId: string, headers = {}) {
  return app.inject({ method: 'GET', url: photoPath(hash, issueId), headers: { ...deviceHeaders(device), ...headers } });
}

export const photoFile = (bytes: Buffer, type: PhotoType = 'image/jpeg') => ({ hash: sha256(bytes), bytes, type });

/** The whole file, chunk after chunk, as the phone's queue sends it; the last answer. */
export async function uploadWhole(app: FastifyInstance, device: TestDevice, file: ReturnType<typeof photoFile>) {
  let offset = 0;
  for (;;) {
    const answer = await putChunk(app, device, file, offset);
    if (answer.statusCode !== 200) throw new Error(`chunk at ${offset} refused: ${answer.statusCode} ${answer.body}`);
    const state = answer.json();
    if (state.complete) return state;
    offset = state.received;
  }
}

const fileRef = (file: ReturnType<typeof photoFile>) => ({
  hash: file.hash,
  bytes: file.bytes.length,
  width: 8,
  height: 6,
  type: file.type,
});

/** An issue logged by the device showing one photo (full picture and thumbnail); its id and the photo's. */
export async function issueWithPhoto(
  app: FastifyInstance,
  device: TestDevice,
  full: ReturnType<typeof photoFile>,
  thumb: ReturnType<typeof photoFile>,
  eventId = 'festival',
  category = 'lost-property',
) {
  const issueId = newUuid();
  const photoId = newUuid();
  const answer = await push(app, device, [
    mutation(device, 'createIssue', { id: issueId, eventId, category, summary: 'Found a blue backpack' }),
    mutation(device, 'attachPhoto', { issueId, photo: { id: photoId, full: fileRef(full), thumb: fileRef(thumb) } }),
  ]);
  if (answer.statusCode !== 200 || answer.json().refused.length) throw new Error(`push failed: ${answer.body}`);
  return { issueId, photoId };
}
