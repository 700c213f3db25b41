import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const validReport = {
  message: 'TypeError: x is undefined',
  url: '/queue',
  version: '0.1.0+abc',
  occurredAt: '2026-07-10T22:15:00.000Z',
};

describe('API errors', () => {
  it('answers an unknown API route with a JSON 404', async () => {
    server = await startTestServer({ withStaticApp: true });
    const response = await server.app.inject({ method: 'GET', url: '/api/nothing-here?x=1', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.json()).toEqual({ error: { kind: 'not-found', message: 'There is nothing at GET /api/nothing-here.' } });
  });

  it('answers a missing static file with a JSON 404, not the app shell', async () => {
    server = await startTestServer({ withStaticApp: true });
    const response = await server.app.inject({ method: 'GET', url: '/assets/missing-123.js', headers: { accept: '*/*' } });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.kind).toBe('not-found');
  });

  it('rejects a body that fails validation with 400 naming the fields', async () => {
    server = await startTestServer();
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/client-errors',
      payload: { ...validReport, message: '', occurredAt: 'yesterday' },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.kind).toBe('invalid');
    expect(error.message).toMatch(/^The error report is not valid — /);
    expect(error.details.map((d: { path: string }) => d.path).sort()).toEqual(['message', 'occurredAt']);
  });

  it('rejects malformed JSON with 400, not 500', async () => {
    server = await startTestServer();
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/client-errors',
      headers: { 'content-type': 'application/json' },
      payload: '{"message": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.kind).toBe('invalid');
  });

  it('accepts a valid client error report', async () => {
    server = await startTestServer();
    const response = await server.app.inject({ method: 'POST', url: '/api/client-errors', payload: validReport });
    expect(response.statusCode).toBe(202);
  });

  it('rate-limits a flood of client error reports', async () => {
    server = await startTestServer();
    const codes: number[] = [];
    for (let i = 0; i < 32; i += 1) {
      codes.push((await server.app.inject({ method: 'POST', url: '/api/client-errors', payload: validReport })).statusCode);
    }
    expect(codes.slice(0, 30).every((c) => c === 202)).toBe(true);
    expect(codes.at(-1)).toBe(429);
    const limited = await server.app.inject({ method: 'POST', url: '/api/client-errors', payload: validReport });
    expect(limited.json().error.kind).toBe('rate-limited');
  });

  it('answers a handler crash with 500 and no internals', async () => {
    server = await startTestServer();
    server.app.get('/api/boom', async () => {
      throw new Error('SQLITE_CORRUPT at /srv/secret/helptent.sqlite');
    });
    const response = await server.app.inject({ method: 'GET', url: '/api/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('SQLITE');
    expect(response.body).not.toContain('secret');
    expect(response.body).not.toContain('at ');
    expect(response.json()).toEqual({
      error: { kind: 'server', message: 'Something went wrong on the server. It has been logged; please try again.' },
    });
  });
});
