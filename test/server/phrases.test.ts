import { afterEach, describe, expect, it } from 'vitest';
import { readSyncState } from '../../src/db/sync-state';
import type { Issue, TimelineEntry } from '../../src/domain/issue';
import { phraseText, valueText } from '../../src/domain/phrase-text';
import type { PushPayload } from '../../src/domain/push-payload';
import { pushAlertNotifier } from '../../src/server/alerts/push-alert-notifier';
import type { PushSender } from '../../src/server/push/push-sender';
import { alertsOf, pushed, startAlertServer } from './alert-helpers';
import { backends, startTestServer, type TestServer } from './helpers';
import { createArgs, joinAs, setUpEvent } from './sync-helpers';
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

  it('an alert reaches phones and Web Push with its title and body as phrases; one raised before phrases reads as before', async () => {
    const started = await startAlertServer(backend);
    server = started.server;
    const app = started.app;
    const sam = await joinAs(app, 'staff', 'Sam');
    const alex = await joinAs(app, 'coordinator', 'Alex');
    const issue = createArgs('Crush at the main gate', { category: 'ticketing', severity: 'urgent', zoneId: 'main-gate' });
    await pushed(app, sam, 'createIssue', issue);
    const [alert] = await alertsOf(app, alex);
    expect(alert!.said).toEqual({
      title: {
        id: '{kind} · {zone}',
        values: { kind: { of: 'alertKind', code: 'urgent' }, zone: { of: 'zone', code: 'Main gate' } },
      },
      body: 'Crush at the main gate',
    });
    expect([valueText(alert!.said!.title), valueText(alert!.said!.body)]).toEqual([alert!.title, alert!.body]);

    // Web Push: the server does not know the phone's language, so the phrases ride along (the
    // service worker says them) when they fit a push message; the English always does.
    const payloads: PushPayload[] = [];
    const sender = {
      notifyDevices: async (_devices: readonly string[], payload: PushPayload) => {
        payloads.push(payload);
        return { sent: 1, gone: 0, failed: 0, notSubscribed: 0, byDevice: {} };
      },
    } as unknown as PushSender;
    const notifier = pushAlertNotifier(sender, app.log);
    await notifier.notify(['device'], alert!);
    expect(payloads[0]).toMatchObject({ title: 'Urgent issue · Main gate', body: 'Crush at the main gate', said: alert!.said });
    await notifier.notify(['device'], { ...alert!, said: { title: alert!.said!.title, body: '🚨'.repeat(1000) } });
    expect(payloads[1]).toMatchObject({ title: 'Urgent issue · Main gate', body: 'Crush at the main gate' });
    expect(payloads[1]!.said).toBeUndefined();

    // Raised before phrases: no phrases, the English as it was.
    await app.storage.db.updateTable('alerts').set({ said: null }).execute();
    const [before] = await alertsOf(app, alex);
    const { said: _, ...english } = alert!;
    expect(before).toEqual(english);
  });
});
