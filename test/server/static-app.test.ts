import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('serving the built app', () => {
  it('hands the app shell to deep links so /queue opens on a first visit', async () => {
    server = await startTestServer({ withStaticApp: true });
    const response = await server.app.inject({ method: 'GET', url: '/issues/0190-abc', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Helptent shell');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('lets phones keep hashed assets but always revalidate the shell and the service worker', async () => {
    server = await startTestServer({ withStaticApp: true });
    const asset = await server.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/sw.js']) {
      const response = await server.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('sends the compressed copy the build wrote to a browser that accepts it, the file itself otherwise', async () => {
    server = await startTestServer({ withStaticApp: true });
    const url = '/assets/index-abc123.js';
    const brotli = await server.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe('console.log(1);');
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gzip = await server.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe('console.log(1);');
    const plain = await server.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log(1);');
  });

  it('sends a strict content security policy: the only inline script is the theme’s, allowed by its hash', async () => {
    server = await startTestServer({ withStaticApp: true });
    const response = await server.app.inject({ method: 'GET', url: '/' });
    const csp = String(response.headers['content-security-policy']);
    const inline = [...readFileSync('index.html', 'utf8').matchAll(/<script>(.*?)<\/script>/gs)].map((m) => m[1]!);
    expect(inline).toHaveLength(1);
    const hash = `'sha256-${createHash('sha256').update(inline[0]!).digest('base64')}'`;
    expect(csp, 'index.html’s inline script changed: put its new hash in src/server/security-headers.ts').toContain(
      `script-src 'self' ${hash};`,
    );
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    // Plain HTTP on the info tent's LAN: HSTS would lock phones out.
    expect(response.headers['strict-transport-security']).toBeUndefined();
    // Every answer, the API's and errors too, carries the same headers.
    const health = await server.app.inject({ method: 'GET', url: '/healthz' });
    const missing = await server.app.inject({ method: 'GET', url: '/api/nothing-here' });
    const refused = await server.app.inject({ method: 'GET', url: '/api/sync/pull' });
    expect(refused.statusCode).toBe(401);
    for (const answer of [health, missing, refused]) {
      expect(answer.headers['content-security-policy']).toBe(response.headers['content-security-policy']);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});
