import { afterEach, describe, expect, it } from 'vitest';
import { runAlertClock } from '../../src/server/alerts/alert-clock';
import { acknowledge, alertsOf, minutesLater, pushed, type recordingNotifier, startAlertServer } from './alert-helpers';
import { backends, type TestServer } from './helpers';
import { createArgs, joinAs } from './sync-helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const heavy = 30_000;

describe.each(backends)('the alert clock on %s', (backend) => {
  async function start(notifier?: ReturnType<typeof recordingNotifier>) {
    const started = await startAlertServer(backend, notifier);
    server = started.server;
    return started;
  }

  it(
    'an urgent alert nobody answers goes up to the organizers after 3 minutes, stays with the coordinators, and goes no further',
    async () => {
      const { app, notifier } = await start();
      const sam = await joinAs(app, 'staff', 'Sam');
      const alex = await joinAs(app, 'coordinator', 'Alex');
      const jo = await joinAs(app, 'organizer', 'Jo');
      const issue = createArgs('Crowd surge at the second stage', { category: 'safety-security', severity: 'urgent' });
      await pushed(app, sam, 'createIssue', issue);
      await notifier.waitFor(1);

      expect((await runAlertClock(app.storage, minutesLater(2))).escalated).toEqual([]);
      const moved = await runAlertClock(app.storage, minutesLater(4));
      expect(moved.escalated.map((a) => [a.row.kind, a.row.level])).toEqual([['urgent', 'organizer']]);
      await app.alertDelivery.announce(moved.escalated, 'escalated');
      expect(notifier.calls[1]).toEqual({ deviceIds: [jo.id], alert: expect.objectContaining({ level: 'organizer' }) });
      const urgent = (await alertsOf(app, alex)).filter((a) => a.kind === 'urgent');
      expect(urgent).toEqual([expect.objectContaining({ level: 'organizer', escalatedAt: expect.any(String), ackedBy: null })]);
      expect((await alertsOf(app, jo)).filter((a) => a.kind === 'urgent')).toEqual(urgent);
      // (The tests' issues are months old, so the clock also raises "waiting too long" for it; that one escalates on its own.)
      const after = (await runAlertClock(app.storage, minutesLater(60))).escalated;
      expect(after.filter((a) => a.row.kind === 'urgent')).toEqual([]);
    },
    heavy,
  );

  it(
    'a hand-over nobody answers reaches the coordinators; an answered alert stays where it is',
    async () => {
      const { app } = await start();
      const sam = await joinAs(app, 'staff', 'Sam');
      const kim = await joinAs(app, 'staff', 'Kim');
      const alex = await joinAs(app, 'coordinator', 'Alex');
      const handed = createArgs('Wheelchair platform full', { category: 'accessibility' });
      const answered = createArgs('Crush at the gate', { category: 'ticketing', severity: 'urgent' });
      await pushed(app, sam, 'createIssue', handed);
      await pushed(app, sam, 'handOver', { issueId: handed.id, to: { id: 'staff-Kim', name: 'Kim' }, note: 'Please take it' });
      await pushed(app, sam, 'createIssue', answered);
      const urgent = (await alertsOf(app, alex)).find((a) => a.kind === 'urgent')!;
      expect((await acknowledge(app, alex, urgent.id)).json().first).toBe(true);

      const { escalated } = await runAlertClock(app.storage, minutesLater(6));
      expect(escalated.map((a) => [a.row.kind, a.row.level])).toEqual([['handover', 'coordinator']]);
      expect((await alertsOf(app, alex)).filter((a) => a.kind === 'handover')).toEqual([
        expect.objectContaining({ issueId: handed.id, level: 'coordinator', escalatedAt: expect.any(String) }),
      ]);
      expect((await alertsOf(app, kim)).map((a) => a.kind)).toContain('handover');
      expect((await alertsOf(app, sam)).map((a) => a.kind)).not.toContain('handover');
    },
    heavy,
  );

  it(
    'two server instances ticking at once escalate an alert once',
    async () => {
      const { app } = await start();
      const sam = await joinAs(app, 'staff', 'Sam');
      await joinAs(app, 'coordinator', 'Alex');
      await pushed(
        app,
        sam,
        'createIssue',
        createArgs('Generator fire behind the bar', { category: 'safety-security', severity: 'urgent' }),
      );
      const later = minutesLater(4);
      const runs = await Promise.all([runAlertClock(app.storage, later), runAlertClock(app.storage, later)]);
      expect(runs.flatMap((r) => r.escalated)).toHaveLength(1);
    },
    heavy,
  );

  it(
    'an issue past its first-response target with no owner alerts the coordinators once; an owned one never',
    async () => {
      const { app } = await start();
      const sam = await joinAs(app, 'staff', 'Sam');
      const alex = await joinAs(app, 'coordinator', 'Alex');
      const waiting = createArgs('Toilets at camp B blocked', { category: 'facilities', severity: 'medium' });
      const owned = createArgs('Water point leaking', { category: 'facilities', severity: 'medium' });
      await pushed(app, sam, 'createIssue', waiting);
      await pushed(app, sam, 'createIssue', owned);
      await pushed(app, sam, 'assignOwner', { issueId: owned.id, owner: { id: 'staff-Sam', name: 'Sam' } });
      expect(await alertsOf(app, alex)).toEqual([]);
      // The tests' issues are logged on 10 July 2026 at 20:00 UTC; a medium issue may wait 2 hours.
      const loggedAt = Date.UTC(2026, 6, 10, 20, 0);
      expect((await runAlertClock(app.storage, new Date(loggedAt + 110 * 60_000))).raised).toEqual([]);
      const due = await runAlertClock(app.storage, new Date(loggedAt + 121 * 60_000));
      expect(due.raised.map((a) => [a.row.issue_id, a.row.kind])).toEqual([[waiting.id, 'overdue-unowned']]);
      const [alert] = await alertsOf(app, alex);
      expect(alert).toMatchObject({
        kind: 'overdue-unowned',
        title: 'Waiting too long, no owner',
        body: 'Toilets at camp B blocked',
      });
      // A later change to the issue and later ticks do not raise it again.
      await pushed(app, sam, 'addNote', { issueId: waiting.id, text: 'Plumber called' });
      expect((await runAlertClock(app.storage, new Date(loggedAt + 240 * 60_000))).raised).toEqual([]);
      expect(await alertsOf(app, alex)).toHaveLength(1);
      // Someone takes it: "no owner" is over.
      await pushed(app, alex, 'assignOwner', { issueId: waiting.id, owner: { id: 'staff-Alex', name: 'Alex' } });
      expect(await alertsOf(app, alex)).toEqual([]);
    },
    heavy,
  );
});
