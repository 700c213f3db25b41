import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { HelptentDatabase } from '../../src/db/database';
import { ensureDeviceIdentity } from '../../src/db/device-repository';
import { ensureEvent } from '../../src/db/event-repository';
import { saveChange } from '../../src/db/save-change';
import { saveJoin } from '../../src/db/sync-repository';
import { readSyncState } from '../../src/db/sync-state';
import { AppError } from '../../src/domain/app-error';
import { defaultEvent } from '../../src/domain/event';
import { protocolHeader, protocolVersion } from '../../src/domain/sync-protocol';
import { createTransport } from '../../src/sync/http';
import { syncOnce } from '../../src/sync/sync-once';
import { backends, injectFetch, startTestServer, type TestServer } from './helpers';
import { createArgs, joinAs, newJoinCode, newUuid, pullAll, setUpEvent } from './sync-helpers';

let server: TestServer | undefined;
const databases: HelptentDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
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
    const db = new HelptentDatabase(`protocol-${Math.random()}`);
    databases.push(db);
    await db.open();
    const deviceId = newUuid();
    await ensureDeviceIdentity(db, { deviceId, firstOpenedAt: new Date().toISOString() });
    const event = await ensureEvent(db, defaultEvent('festival', 'Europe/Amsterdam'));
    const code = await newJoinCode(app, 'staff');
    const joined = (
      await app.inject({
        method: 'POST',
        url: '/api/join',
        headers: { [protocolHeader]: String(protocolVersion) },
        payload: { code, deviceId, staffId: 'staff-Sam', staffName: 'Sam' },
      })
    ).json();
    await saveJoin(
      db,
      {
        token: joined.token,
        role: 'staff',
        staffName: 'Sam',
        eventId: 'festival',
        cursor: 0,
        lastSyncedAt: null,
        lastError: null,
      },
      joined.event,
    );
    const actor = { id: 'staff-Sam', name: 'Sam', role: 'staff' as const };
    for (const summary of ['Lost phone', 'Toilets blocked']) {
      await saveChange(db, event, {
        name: 'createIssue',
        args: createArgs(summary),
        context: { now: new Date().toISOString(), actor, mutationId: newUuid() },
      });
    }
    // The same client code, speaking the version before the server's oldest.
    const oldApp = createTransport({ fetch: injectFetch(app), isOnline: () => true, protocol: protocolVersion - 1 });
    const refused = await syncOnce(db, oldApp, { batchSize: 10, pageSize: 10 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).kind).toBe('update-needed');
    expect(await db.outbox.count()).toBe(2);
    const staff = await joinAs(app, 'coordinator', 'Alex');
    expect((await pullAll(app, staff)).issues).toHaveLength(0);
    // Updated: the same queue goes out, once.
    const updated = createTransport({ fetch: injectFetch(app), isOnline: () => true });
    expect(await syncOnce(db, updated, { batchSize: 10, pageSize: 10 })).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    expect((await pullAll(app, staff)).issues.map((p: { issue: { summary: string } }) => p.issue.summary).sort()).toEqual([
      'Lost phone',
      'Toilets blocked',
    ]);
    expect((await readSyncState(db))?.lastError ?? null).toBeNull();
  });
});
