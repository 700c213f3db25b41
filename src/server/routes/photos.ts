import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../domain/app-error';
import { hashPattern, photoTypes } from '../../domain/photo';
import { photoQuerySchema, uploadChunkBytes, uploadChunkQuerySchema, uploadStateSchema } from '../../domain/photo-protocol';
import { parseOrThrow } from '../../domain/validation';
import { authenticate, bearerToken } from '../auth/authenticate';
import { hashSecret } from '../auth/secrets';
import { isFreshFor, photoAccess } from '../photos/photo-access';
import type { PhotoStore } from '../photos/photo-store';
import { receiveChunk, requireStore, type UploadContext, uploadStateOf } from '../photos/photo-uploads';
import { UploadRefusal } from '../photos/upload-answer';
import type { Storage } from '../storage/storage';

const hashParamsSchema = z.object({
  hash: z.string().regex(hashPattern, 'must be the SHA-256 of the file in hex (64 digits 0-9, a-f)'),
});

/**
 * Per device, not per address: a festival's phones share the site Wi-Fi's one address, and a
 * phone catching up on a hundred photos sends a few hundred requests. 600 chunks a minute is
 * 150 MB, more than a phone's uplink at a festival; what a device can make the server hold is
 * bounded by photo-uploads.ts.
 */
const perDevice = (max: number) => ({
  max,
  timeWindow: '1 minute',
  keyGenerator: (request: FastifyRequest) => {
    const token = bearerToken(request);
    return token ? `device ${hashSecret(token)}` : `address ${request.ip}`;
  },
});

const hashOf = (request: FastifyRequest) => parseOrThrow(hashParamsSchema, request.params, 'photo address').hash;

/**
 * Photos: the resumable upload (photo-protocol.ts) and serving a photo to devices that may see
 * the issue showing it. In a scope of their own: only here is a body raw bytes.
 */
export async function photoRoutes(app: FastifyInstance, storage: Storage, store: PhotoStore | null): Promise<void> {
  await app.register(async (scope) => {
    // The protocol says application/octet-stream; a phone that sends a Blob as it is says
    // image/jpeg or image/webp, and gets the same: the bytes are checked either way.
    scope.addContentTypeParser(
      ['application/octet-stream', ...photoTypes],
      { parseAs: 'buffer', bodyLimit: uploadChunkBytes },
      (_request, body, done) => done(null, body),
    );
    scope.setErrorHandler((error: FastifyError | AppError, _request, reply) => {
      if (error instanceof UploadRefusal) return reply.code(error.status).send(error.body());
      if ('statusCode' in error && error.statusCode === 413) {
        const message = `A photo chunk is at most ${uploadChunkBytes / 1024} KB: send the file in parts (photo-protocol.ts).`;
        return reply.code(413).send({ error: { kind: 'invalid', message } });
      }
      // Everything else is answered as every other route answers (errors.ts).
      throw error;
    });

    const context = async (request: FastifyRequest): Promise<UploadContext> => ({
      storage,
      store,
      device: await authenticate(storage, request),
      now: new Date(),
      log: request.log,
    });

    scope.get(
      '/api/photos/:hash/upload',
      { config: { answer: uploadStateSchema, rateLimit: perDevice(600) } },
      async (request, reply) => {
        const ctx = await context(request);
        const state = await uploadStateOf(ctx, hashOf(request));
        return reply.header('cache-control', 'no-store').send(state);
      },
    );

    scope.put(
      '/api/photos/:hash/upload',
      { bodyLimit: uploadChunkBytes, config: { answer: uploadStateSchema, rateLimit: perDevice(600) } },
      async (request, reply) => {
        const ctx = await context(request);
        const hash = hashOf(request);
        const query = parseOrThrow(uploadChunkQuerySchema, request.query, 'photo upload');
        const body = request.body ?? Buffer.alloc(0);
        if (!Buffer.isBuffer(body)) {
          throw new AppError('invalid', 'Send the photo chunk as application/octet-stream bytes.');
        }
        const state = await receiveChunk(ctx, hash, query, body);
        return reply.header('cache-control', 'no-store').send(state);
      },
    );

    scope.get('/api/photos/:hash', { config: { rateLimit: perDevice(1200) } }, async (request, reply) => {
      const device = await authenticate(storage, request);
      const hash = hashOf(request);
      const { issue } = parseOrThrow(photoQuerySchema, request.query, 'photo request');
      const photoStore = requireStore(store);
      const access = await photoAccess(storage, device, hash, issue, request.log);
      if (access.kind === 'hidden') throw new AppError('not-found', 'This issue has no such photo.');
      if (access.kind === 'not-uploaded') {
        throw new AppError(
          'not-found',
          'This photo has not reached the server yet: the phone that took it sends it when it has signal.',
        );
      }
      // The bytes under a hash never change: a phone keeps them, and asks again only with its ETag.
      const cached = () =>
        reply
          .header('cache-control', 'private, max-age=31536000, immutable')
          .header('etag', `"${hash}"`)
          .header('x-content-type-options', 'nosniff');
      if (isFreshFor(request.headers['if-none-match'], hash)) return cached().code(304).send();
      const bytes = await photoStore.get(hash);
      if (!bytes) {
        request.log.error({ hash, store: photoStore.description }, 'photo recorded but missing from the photo store');
        throw new AppError('not-found', 'This photo is missing on the server. It has been logged.');
      }
      return cached()
        .type(access.type)
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
  });
}
