import { afterEach, describe, expect, it } from 'vitest';
import { readSyncState } from '../../src/db/sync-state';
import { backends, startTestServer, type TestServer } from './helpers';
import { createArgs, setUpEvent } from './sync-helpers';
import { change, joinTestPhone, phoneDatabases } from './test-phone';

let server: TestServer | undefined;
afterEach(async () => {
  for (const db of phoneDatabases.splice(0)) await db.delete();
  await server?.close();
  server = undefined;
});

describe.each(backends)('a bad row never stops a phone, on %s', (backend) => {
  it('a pulled issue the phone cannot read is kept aside and reported; the rest syncs, and later changes too', async () => {
    // Answers are not checked here: the point is a server that sends what it should not.
    server = await startTestServer({ backend, checkAnswers: false });
    const app = server.app;
    await setUpEvent(app);
    const ana = await joinTestPhone(app, 'Ana', 'coordinator');
    const ben = await joinTestPhone(app, 'Ben');
    await change(ben, 'createIssue', { ...createArgs('Good one'), eventId: ben.event.id });
    const broken = { ...createArgs('Damaged on the server'), eventId: ben.event.id };
    await change(ben, 'createIssue', broken);
    await change(ben, 'createIssue', { ...createArgs('Another good one'), eventId: ben.event.id });
    expect(await ben.sync()).toBe(true);
    // A row the phone's schema refuses: a status no app knows (a bug, or a newer server).
    const row = await app.storage.db.selectFrom('issues').select('data').where('id', '=', broken.id).executeTakeFirstOrThrow();
    const data = JSON.stringify({ ...JSON.parse(row.data), status: 'exploded' });
    await app.storage.db.updateTable('issues').set({ data }).where('id', '=', broken.id).execute();

    expect(await ana.sync()).toBe(true);
    const summaries = (await ana.db.issues.toArray()).map((i) => i.summary).sort();
    expect(summaries).toEqual(['Another good one', 'Good one']);
    const state = await readSyncState(ana.db);
    expect(state?.setAside).toEqual([
      expect.objectContaining({ issueId: broken.id, reason: expect.stringMatching(/^issue\.status: /) }),
    ]);
    expect(state?.lastError).toBeNull();

    // The phone goes on syncing: its own changes go out, others' come in.
    await change(ana, 'createIssue', { ...createArgs('Logged after'), eventId: ana.event.id });
    expect(await ana.sync()).toBe(true);
    expect(await ana.db.unsentChanges.count()).toBe(0);
    expect(await ben.sync()).toBe(true);
    expect((await ben.db.issues.toArray()).map((i) => i.summary)).toContain('Logged after');
  });
});
