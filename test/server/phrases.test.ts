import { afterEach, describe, expect, it } from 'vitest';
import { readSyncState } from '../../src/db/sync-state';
import type { Issue, TimelineEntry } from '../../src/domain/issue';
import { phraseText } from '../../src/domain/phrase-text';
import { backends, startTestServer, type TestServer } from './helpers';
import { createArgs, setUpEvent } from './sync-helpers';
import { change, joinTestPhone, phoneDatabases, type TestPhone } from './test-phone';

let server: TestServer | undefined;
afterEach(async () => {
  for (const db of phoneDatabases.splice(0)) await db.delete();
  await server?.close();
  server = undefined;
});

const withoutPhrases = (issue: Issue): Issue => ({
  ...issue,
  timeline: issue.timeline.map(({ phrase: _, ...entry }) => entry),
});

async function timelineOn(phone: TestPhone, id: string): Promise<TimelineEntry[]> {
  return (await phone.db.issues.get(id))!.timeline;
}

describe.each(backends)('timeline sentences as phrases, on %s', (backend) => {
  it('an issue stored before phrases (text only) still syncs, takes changes, and its old entries keep their text', async () => {
    server = await startTestServer({ backend });
    const app = server.app;
    await setUpEvent(app);
    const ana = await joinTestPhone(app, 'Ana', 'coordinator');
    const ben = await joinTestPhone(app, 'Ben');
    const args = { ...createArgs('Phone left at the bar'), eventId: ben.event.id };
    await change(ben, 'createIssue', args);
    await change(ben, 'addNote', { issueId: args.id, text: 'Owner may come back tonight' });
    expect(await ben.sync()).toBe(true);
    // As a server from before phrases stored it: every entry its English text only.
    const row = await app.storage.db.selectFrom('issues').select('data').where('id', '=', args.id).executeTakeFirstOrThrow();
    const stored = JSON.parse(row.data) as Issue;
    expect(stored.timeline.every((entry) => entry.phrase !== undefined)).toBe(true);
    const old = withoutPhrases(stored);
    await app.storage.db
      .updateTable('issues')
      .set({ data: JSON.stringify(old) })
      .where('id', '=', args.id)
      .execute();

    // Ana pulls it (the server checks each answer against the protocol) and works it, while Ben,
    // who had not seen her change, sets another status: the server records the conflict.
    expect(await ana.sync()).toBe(true);
    expect((await timelineOn(ana, args.id)).map((e) => [e.text, e.phrase])).toEqual(old.timeline.map((e) => [e.text, undefined]));
    await change(ana, 'assignOwner', { issueId: args.id, owner: { id: ana.actor.id, name: 'Ana' } });
    await change(ana, 'setStatus', { issueId: args.id, status: 'referred', resolution: 'Sent to the bar team' });
    await change(ana, 'updateFields', { issueId: args.id, fields: { summary: 'Black phone left at the bar' } });
    expect(await ana.sync()).toBe(true);
    await change(ben, 'setStatus', { issueId: args.id, status: 'resolved', resolution: 'Owner collected it' });
    await change(ben, 'updateFields', { issueId: args.id, fields: { summary: 'Blue phone left at the bar' } });
    expect(await ben.sync()).toBe(true);
    expect(await ana.sync()).toBe(true);

    for (const phone of [ana, ben]) {
      const timeline = await timelineOn(phone, args.id);
      // The old entries as they were; every new one a phrase whose English is its text.
      expect(timeline.slice(0, old.timeline.length)).toEqual(old.timeline);
      const added = timeline.slice(old.timeline.length);
      expect(added.map((e) => e.text)).toEqual([
        'Ana took ownership',
        'Status: in progress → referred',
        'Changed summary',
        'Ben wanted to set the status to resolved, but Ana had changed the issue first, so it was not applied: An issue that is referred cannot be set to resolved. Possible next: in progress, follow-up, closed. Check which is right.',
        'Changed summary',
        'Two people changed the summary: Ana set “Black phone left at the bar”, then Ben (who had not seen it) set “Blue phone left at the bar”. Ben’s change arrived later and applies — check which is right.',
      ]);
      for (const entry of added) expect(phraseText(entry.phrase!)).toBe(entry.text);
      const state = await readSyncState(phone.db);
      expect(state?.setAside ?? []).toEqual([]);
      expect(state?.lastError).toBeNull();
    }
  });
});
