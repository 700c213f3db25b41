import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/app-error';
import { protocolHeader, protocolVersion } from '../../../src/domain/protocol-version';
import { pullPageSchema, pushAnswerSchema } from '../../../src/domain/sync-protocol';
import { createTransport } from '../../../src/sync/http';

/** A server stand-in that answers every request with this body and status. */
function answering(body: string, status = 200) {
  const seen: Headers[] = [];
  const fetch = (async (_input: string, init: RequestInit = {}) => {
    seen.push(new Headers(init.headers));
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { call: createTransport({ fetch, isOnline: () => true }), seen };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('the phone checks every answer against the contract', () => {
  it('sends its protocol version with every request', async () => {
    const { call, seen } = answering('{"lastMutationId":0,"refused":[]}');
    await call('/api/sync/push', pushAnswerSchema, { method: 'POST', body: {} });
    expect(seen[0]?.get(protocolHeader)).toBe(String(protocolVersion));
  });

  it('a push answer missing its refusals is rejected with a clear error, not cast', async () => {
    const { call } = answering('{"lastMutationId":3}');
    const error = await failure(call('/api/sync/push', pushAnswerSchema, { method: 'POST', body: {} }));
    expect(error.kind).toBe('server');
    expect(error.message).toMatch(/answer to \/api\/sync\/push could not be read .*refused/);
    expect(error.message).toMatch(/Changes wait safely on this phone/);
  });

  it('a pull page whose issue has an unknown status is rejected before it reaches the database', async () => {
    const page = {
      people: [],
      device: { id: 'd', role: 'staff', staffName: 'Sam' },
      lastMutationId: 0,
      issues: [{ issue: { id: 'x', status: 'teleported' }, version: 1 }],
      cursor: 1,
      hasMore: false,
    };
    const { call } = answering(JSON.stringify(page));
    const error = await failure(call('/api/sync/pull', pullPageSchema));
    expect(error.message).toMatch(/issues\.0\.issue/);
  });

  it('a captive portal’s HTML page is an unreadable answer, not a crash', async () => {
    const { call } = answering('<html>Log in to the festival Wi-Fi</html>');
    expect((await failure(call('/api/sync/pull', pullPageSchema))).message).toMatch(/is not JSON/);
  });

  it('an error body from the server keeps its kind and sentence', async () => {
    const { call } = answering(JSON.stringify({ error: { kind: 'update-needed', message: 'Update the app.' } }), 426);
    const error = await failure(call('/api/sync/pull', pullPageSchema));
    expect([error.kind, error.message]).toEqual(['update-needed', 'Update the app.']);
  });
});
