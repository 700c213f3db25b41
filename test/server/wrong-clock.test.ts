import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { saveChange } from '../../src/db/save-change';
import { backends, startTestServer, type TestServer } from './helpers';
import { createArgs, joinAs, mutation, newUuid, push, setUpEvent, type TestDevice } from './sync-helpers';
import { change, joinTestPhone, phoneDatabases } from './test-phone';

function at<T extends object>(change: T, createdAt: string): T {
  return { ...change, createdAt };
}

describe.each(backends)('a phone whose clock is wrong, on %s', (backend) => {
  let server: TestServer;
  let app: FastifyInstance;
  let staff: TestDevice;
  let organizer: TestDevice;

  beforeAll(async () => {
    server = await startTestServer({ backend });
    app = server.app;
    await setUpEvent(app);
    staff = await joinAs(app, 'staff', 'Sam');
    organizer = await joinAs(app, 'organizer', 'Jo');
  });
  afterAll(async () => server?.close());
  afterEach(async () => {
    for (const db of phoneDatabases.splice(0)) await db.delete();
  });

  it('a phone stuck in the year 9999 files, shows and delivers its issue, and gets the server’s time back', async () => {
    const phone = await joinTestPhone(app, 'Stuck');
    const args = { ...createArgs('Logged on a phone stuck in 9999'), eventId: phone.event.id };
    await saveChange(phone.db, phone.event, {
      name: 'createIssue',
      args,
      context: { now: '9999-12-31T23:59:59.999Z', actor: phone.actor, mutationUuid: newUuid() },
    });
    expect(await phone.sync()).toBe(true);
    expect(await phone.sync()).toBe(true);
    const mine = (await phone.db.issues.get(args.id))!;
    expect(Math.abs(Date.parse(mine.createdAt) - Date.now())).toBeLessThan(60_000);
    expect(mine.timeline[0]!.deviceAt).toBe('9999-12-31T23:59:59.999Z');
    expect(await phone.db.unsentChanges.count()).toBe(0);
  });

  it('issues stamped 9999-12-31 and 0999-06-01 are kept; exports, other phones and late joiners go on', async () => {
    const phone = await joinTestPhone(app, 'Ana');
    await change(phone, 'createIssue', { ...createArgs('Before the odd clocks'), eventId: phone.event.id });
    const future = createArgs('Battery reset: the phone thinks it is the year 9999');
    const past = createArgs('Manual time: year 999');
    const answer = await push(app, staff, [
      at(mutation(staff, 'createIssue', future), '9999-12-31T23:59:59.999Z'),
      at(mutation(staff, 'createIssue', past), '0999-06-01T03:00:00Z'),
      at(mutation(staff, 'addNote', { issueId: future.id, text: 'Still here' }), '9999-12-31T23:59:59.999Z'),
    ]);
    expect(answer.json()).toEqual({ lastMutationId: 3, refused: [] });
    const sent = Date.now();
    for (const kind of ['issues', 'follow-up']) {
      for (const format of ['csv', 'json']) {
        const exported = await app.inject({
          method: 'GET',
          url: `/api/exports/${kind}?format=${format}`,
          headers: { authorization: `Bearer ${organizer.token}` },
        });
        expect(exported.statusCode, `${kind} ${format}: ${exported.body.slice(0, 200)}`).toBe(200);
      }
    }
    expect(await phone.sync()).toBe(true);
    const late = await joinTestPhone(app, 'Late');
    await late.sync();
    const issues = await late.db.issues.toArray();
    expect(issues.map((i) => i.summary).sort()).toEqual([
      'Battery reset: the phone thinks it is the year 9999',
      'Before the odd clocks',
      'Logged on a phone stuck in 9999',
      'Manual time: year 999',
    ]);
    // The server's time stands in for the impossible ones; the phone's claim stays on the timeline.
    for (const [id, claim] of [
      [future.id, '9999-12-31T23:59:59.999Z'],
      [past.id, '0999-06-01T03:00:00Z'],
    ] as const) {
      const issue = issues.find((i) => i.id === id)!;
      expect(Math.abs(Date.parse(issue.createdAt) - sent)).toBeLessThan(60_000);
      expect(issue.timeline[0]).toMatchObject({ kind: 'created', at: issue.createdAt, deviceAt: claim });
    }
    const note = issues.find((i) => i.id === future.id)!.timeline[1]!;
    expect(note).toMatchObject({ kind: 'note', note: 'Still here', deviceAt: '9999-12-31T23:59:59.999Z' });
    // A believable time is kept as the phone said it.
    const before = issues.find((i) => i.summary === 'Before the odd clocks')!;
    expect(before.timeline[0]!.deviceAt).toBeUndefined();
  });

  it('a phone that writes its time with an offset gets it back in UTC, and the export lists its issues oldest first', async () => {
    const kiritimati = createArgs('Logged at 20:00 in Kiritimati (06:00 UTC)');
    const later = createArgs('Logged at 15:00 UTC');
    const answer = await push(app, staff, [
      at(mutation(staff, 'createIssue', later), '2026-07-10T15:00:00.000Z'),
      at(mutation(staff, 'createIssue', kiritimati), '2026-07-10T20:00:00.000+14:00'),
    ]);
    expect(answer.json()).toMatchObject({ refused: [] });
    const exported = await app.inject({
      method: 'GET',
      url: '/api/exports/issues?format=json',
      headers: { authorization: `Bearer ${organizer.token}` },
    });
    const rows = (exported.json().rows as { id: string; created_at: string }[]).filter((row) =>
      [kiritimati.id, later.id].includes(row.id),
    );
    expect(rows).toEqual([
      expect.objectContaining({ id: kiritimati.id, created_at: '2026-07-10T06:00:00.000Z' }),
      expect.objectContaining({ id: later.id, created_at: '2026-07-10T15:00:00.000Z' }),
    ]);
  });
});
