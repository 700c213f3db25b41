import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readSyncState } from '../../src/db/sync-state';
import { AppError } from '../../src/domain/app-error';
import { protocolHeader, protocolVersion } from '../../src/domain/protocol-version';
import { backends, startTestServer, type TestServer } from './helpers';
import { createArgs, joinAs, newUuid, pullAll, setUpEvent } from './sync-helpers';
import { change, joinTestPhone, phoneDatabases } from './test-phone';

let server: TestServer | undefined;
afterEach(async () => {
  for (const db of phoneDatabases.splice(0)) await db.delete();
  await server?.close();
  server = undefined;
});

describe.each(backends)('protocol versions on %s', (backend) => {
  it('an app from before the versioned contract (no header, version 1 names) keeps syncing', async () => {
    server = await startTestServer({ backend });
    await setUpEvent(server.app);
    const app = server.app;
    const old = await joinAs(app, 'staff', 'Sam');
    const create = createArgs('Lost phone');
    const v1Mutation = (id: number, mutationId: string, name: string, args: unknown) => ({
      id,
      mutationId,
      name,
      args,
      createdAt: '2026-07-10T20:00:00Z',
      actor: { id: 'staff-Sam', name: 'Sam' },
      baseVersion: 0,
    });
    const pushed = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { authorization: `Bearer ${old.token}` },
      payload: {
        clientId: old.id,
        mutations: [
          v1Mutation(1, newUuid(), 'createIssue', create),
          v1Mutation(2, newUuid(), 'setStatus', { issueId: create.id, status: 'closed' }),
        ],
      },
    });
    expect(pushed.statusCode).toBe(200);
    // Version 1's answer: refusals under `rejected`, with the counter as `id`.
    expect(pushed.json()).toEqual({
      lastMutationId: 2,
      rejected: [expect.objectContaining({ id: 2, mutationId: expect.any(String), kind: 'invalid-transition' })],
    });
    const pulled = await app.inject({ method: 'GET', url: '/api/sync/pull', headers: { authorization: `Bearer ${old.token}` } });
    // Version 1 apps always get the event, as they expect.
    expect(pulled.json()).toMatchObject({ event: { id: 'festival' }, lastMutationId: 2, hasMore: false });
    expect(pulled.json().issues[0].issue.summary).toBe('Lost phone');
  });

  it('below the oldest version the server accepts, it answers "update needed" and takes nothing', async () => {
    server = await startTestServer({ backend, minProtocolVersion: 2 });
    await setUpEvent(server.app);
    const app = server.app;
    const old = await joinAs(app, 'staff', 'Sam');
    const pushed = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { authorization: `Bearer ${old.token}` },
      payload: { clientId: old.id, mutations: [] },
    });
    expect(pushed.statusCode).toBe(426);
    expect(pushed.json().error).toEqual({
      kind: 'update-needed',
      message:
        'This version of Helptent is too old for the server. Update the app (reload it with signal) to keep syncing: nothing on this phone is lost.',
    });
    const newer = await app.inject({
      method: 'GET',
      url: '/api/sync/pull',
      headers: { authorization: `Bearer ${old.token}`, [protocolHeader]: String(protocolVersion + 1) },
    });
    expect(newer.statusCode).toBe(400);
    expect(newer.json().error.message).toMatch(/newer than the server/);
  });

  it('a phone the server finds too old keeps every queued change, shows why, and sends them all once updated', async () => {
    server = await startTestServer({ backend, minProtocolVersion: protocolVersion });
    await setUpEvent(server.app);
    const app = server.app;
    const phone = await joinTestPhone(app, 'Sam');
    for (const summary of ['Lost phone', 'Toilets blocked']) await change(phone, 'createIssue', createArgs(summary));
    // The same client code, speaking the version before the server's oldest.
    const refused = await phone.sync({ protocol: protocolVersion - 1 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).kind).toBe('update-needed');
    expect(await phone.db.unsentChanges.count()).toBe(2);
    const coordinator = await joinAs(app, 'coordinator', 'Alex');
    expect((await pullAll(app, coordinator)).issues).toHaveLength(0);
    // Updated: the same queue goes out, once.
    expect(await phone.sync()).toBe(true);
    expect(await phone.db.unsentChanges.count()).toBe(0);
    expect((await pullAll(app, coordinator)).issues.map((p: { issue: { summary: string } }) => p.issue.summary).sort()).toEqual([
      'Lost phone',
      'Toilets blocked',
    ]);
    expect((await readSyncState(phone.db))?.lastError ?? null).toBeNull();
  });
});
