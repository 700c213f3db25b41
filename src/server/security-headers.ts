import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * The one inline script the app has: index.html sets the chosen theme before the first paint
 * (a night screen must not flash white). Allowed by its SHA-256 alone, so no other inline
 * script runs; test/server/static-app.test.ts fails if index.html's script and this differ.
 */
export const themeScriptHash = "'sha256-WsI66cWJwlJvdCyFaBxq6e7JilSDqUqJD52+4b08srk='";

/**
 * Helmet's headers on every answer. The middleware is built once: the Fastify plugin built it
 * again for every request, re-validating the whole policy, which cost about a millisecond a
 * request (a tenth of a push batch, and most of a health check).
 */
export function securityHeaders(app: FastifyInstance): void {
  const setHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", themeScriptHash],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // No upgrade-insecure-requests: on a plain-HTTP box in the info tent it would send
        // every asset request to an https port that does not exist.
      },
    },
    // Same reason: HSTS on a plain-HTTP LAN address would lock phones out of it.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    setHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
}
