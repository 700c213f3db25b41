import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFoundBody } from '../errors';

/**
 * Serves the built PWA. Hashed files under /assets never change, so phones may keep them for a
 * year; everything else (index.html, sw.js, the manifest) must be revalidated, or a phone would
 * never see a new version.
 */
export async function staticAppRoutes(app: FastifyInstance, staticDir: string | null): Promise<void> {
  if (staticDir) {
    await app.register(fastifyStatic, {
      root: staticDir,
      // The build writes .br and .gz copies of every text file: sent to browsers that take them.
      preCompressed: true,
      cacheControl: false,
      setHeaders(reply, path) {
        const isHashedAsset = /[\\/]assets[\\/]/.test(path);
        reply.header('cache-control', isHashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    // A deep link (/queue, /issues/…) opened before the service worker is installed: hand out
    // the app shell and let the client router take over.
    const isPageRequest =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (staticDir && isPageRequest) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send(notFoundBody(request.method, request.url));
  });
}
