import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { protocolHeader, protocolVersion } from '../../src/domain/protocol-version';
import { backends, startTestServer, type TestServer } from './helpers';
import {
  createArgs,
  deviceHeaders,
  joinAs,
  mutation,
  newJoinCode,
  newUuid,
  pullAll,
  push,
  setUpEvent,
  type TestDevice,
} from './sync-helpers';

interface Answer {
  status: number;
  body: string;
}

/** A request over a real socket, the body written whole: what a phone on the network sees. */
function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

describe.each(backends)('what one phone can send, at the edges, on %s', (backend) => {
  let server: TestServer;
  let app: FastifyInstance;
  let port: number;
  let staff: TestDevice;
  let organizer: TestDevice;

  beforeAll(async () => {
    server = await startTestServer({ backend, requestTimeoutMs: 1_000 });
    app = server.app;
    await setUpEvent(app);
    staff = await joinAs(app, 'staff', 'Sam');
    organizer = await joinAs(app, 'organizer', 'Jo');
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(async () => server?.close());

  async function healthy() {
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
  }

  it('a NUL or a broken surrogate anywhere in a request is refused with 400, and the phone goes on', async () => {
    const code = await newJoinCode(app, 'staff');
    const join = await app.inject({
      method: 'POST',
      url: '/api/join',
      headers: { [protocolHeader]: String(protocolVersion) },
      payload: { code, deviceId: newUuid(), staffId: 'staff-nul', staffName: 'Nul\u0000Byte' },
    });
    expect(join.statusCode, join.body).toBe(400);
    expect(join.json().error).toMatchObject({ kind: 'invalid' });
    expect(join.json().error.message).toMatch(/cannot be stored/);

    const first = mutation(staff, 'createIssue', createArgs('Lost phone'));
    const withNul = await push(app, staff, [{ ...first, mutationUuid: 'uuid\u0000' }]);
    expect(withNul.statusCode, withNul.body).toBe(400);
    const lone = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...deviceHeaders(staff), 'content-type': 'application/json' },
      payload: JSON.stringify({ deviceId: staff.id, mutations: [first] }).replace('Lost phone', 'Lost \\ud800 phone'),
    });
    expect(lone.statusCode, lone.body).toBe(400);
    // Nothing of it was stored; the same change, clean, goes through.
    expect((await push(app, staff, [first])).json()).toEqual({ lastMutationId: first.mutationId, refused: [] });
    await healthy();
  });

  it('a batch whose mutation ids go backwards or repeat is refused with a sentence, and nothing of it is applied', async () => {
    const before = (await pullAll(app, organizer)).issues.length;
    const a = mutation(staff, 'createIssue', createArgs('One'));
    const b = mutation(staff, 'createIssue', createArgs('Two'));
    const backwards = await push(app, staff, [b, a]);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toMatch(/increasing/);
    const repeated = await push(app, staff, [a, { ...b, mutationId: a.mutationId }]);
    expect(repeated.statusCode).toBe(400);
    expect((await pullAll(app, organizer)).issues.length).toBe(before);
    expect((await push(app, staff, [a, b])).json()).toEqual({ lastMutationId: b.mutationId, refused: [] });
  });

  it('a change is signed by the person the server knows for the device, whatever name it claims', async () => {
    const issue = createArgs('Signed notes');
    const note = { ...mutation(staff, 'addNote', { issueId: issue.id, text: 'I approve the refund' }) };
    const created = mutation(staff, 'createIssue', issue);
    note.mutationId = created.mutationId + 1;
    staff.mutationId = note.mutationId;
    const answer = await push(app, staff, [created, { ...note, actor: { id: 'staff-Jo', name: 'Jo' } }]);
    expect(answer.json()).toEqual({ lastMutationId: note.mutationId, refused: [] });
    const stored = (await pullAll(app, organizer)).issues.find((i) => i.issue.id === issue.id).issue;
    expect(stored.timeline.map((e: { by: { name: string } }) => e.by.name)).toEqual(['Sam', 'Sam']);
    expect(stored.reportedBy).toEqual({ id: 'staff-Sam', name: 'Sam' });
  });

  it('a body over the limit gets a readable 413 in the usual error shape, not a reset connection', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 'a');
    const answer = await send(
      port,
      'POST',
      '/api/sync/push',
      { ...deviceHeaders(staff), 'content-type': 'application/json', 'content-length': String(big.length) },
      big,
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error).toMatchObject({ kind: 'invalid' });
    expect(JSON.parse(answer.body).error.message).toMatch(/too large/i);
    const longUrl = await send(port, 'GET', `/api/sync/pull?cursor=0&pad=${'x'.repeat(10_000)}`, deviceHeaders(staff));
    expect(longUrl.status).toBe(414);
    expect(JSON.parse(longUrl.body).error.message).toMatch(/address is too long/i);
    await healthy();
  });

  it('sockets that never finish their request are closed, and /healthz answers meanwhile', async () => {
    const sockets = Array.from({ length: 200 }, () => {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.write(
        `POST /api/sync/push HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"de`,
      );
      return new Promise<string>((resolve) => {
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('close', () => resolve(text));
      });
    });
    const health = await send(port, 'GET', '/healthz', {});
    expect(health.status).toBe(200);
    const answers = await Promise.all(sockets);
    expect(answers.every((text) => text.startsWith('HTTP/1.1 408'))).toBe(true);
  });

  it('signing a phone out ends its open poke stream at once', async () => {
    const lost = await joinAs(app, 'staff', 'Lost');
    const ended = new Promise<void>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/api/sync/pokes', headers: deviceHeaders(lost) }, (res) => {
        expect(res.statusCode).toBe(200);
        res.on('data', () => undefined);
        res.on('end', resolve);
        res.on('error', reject);
        void app.inject({ method: 'POST', url: `/api/devices/${lost.id}/revoke`, headers: deviceHeaders(organizer) });
      });
      req.on('error', reject);
      req.end();
    });
    await expect(ended).resolves.toBeUndefined();
  });
});

describe('joining behind the TLS proxy the README recommends', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ trustProxy: true });
    await setUpEvent(server.app);
  });
  afterAll(async () => server?.close());

  const join = (code: string, from: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/join',
      remoteAddress: '10.0.0.1',
      headers: { [protocolHeader]: String(protocolVersion), 'x-forwarded-for': from },
      payload: { code, deviceId: newUuid(), staffId: `staff-${newUuid()}`, staffName: 'Someone' },
    });

  it('wrong codes from one phone lock out that phone, not the festival; right codes are never counted', async () => {
    const wrong = [];
    for (let i = 0; i < 11; i += 1) wrong.push((await join('AAAA-BBBB-CC', '203.0.113.7')).statusCode);
    expect(wrong.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(wrong[10]).toBe(429);
    const code = await newJoinCode(server.app, 'staff');
    // Everyone else behind the same proxy still joins, as many as the festival has.
    for (let i = 0; i < 30; i += 1) expect((await join(code, `198.51.100.${i}`)).statusCode).toBe(200);
    for (let i = 0; i < 30; i += 1) expect((await join(code, '198.51.100.200')).statusCode).toBe(200);
  });
});
