import { afterEach, describe, expect, it } from 'vitest';
import { defaultAlertRules } from '../../src/domain/alert-rules';
import { runAlertClock } from '../../src/server/alerts/alert-clock';
import { buildApp } from '../../src/server/app';
import { readAuditLog } from '../../src/server/repositories/audit-repository';
import { alertsOf, minutesLater, pushed, type recordingNotifier, setDuty, startAlertServer } from './alert-helpers';
import { backends, type TestServer } from './helpers';
import { createArgs, joinAs, mutation, pull, push, type TestDevice } from './sync-helpers';

let server: TestServer | undefined;
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await server?.close();
  server = undefined;
});

const heavy = 30_000;

describe.each(backends)('tuned alert rules on %s', (backend) => {
  async function start(notifier?: ReturnType<typeof recordingNotifier>) {
    const started = await startAlertServer(backend, notifier);
    server = started.server;
    return started;
  }

  const tune = (app: TestServer['app'], device: TestDevice, alertRules: unknown) =>
    pushed(app, device, 'changeEventSettings', { alertRules });

  it(
    'a coordinator turns urgent alerts off and sends public risk to staff too: urgent rings nobody, public risk rings staff',
    async () => {
      const { app, notifier } = await start();
      const sam = await joinAs(app, 'staff', 'Sam');
      const alex = await joinAs(app, 'coordinator', 'Alex');
      await tune(app, alex, {
        urgent: { ...defaultAlertRules.urgent, enabled: false },
        'public-risk': { enabled: true, to: 'staff', escalateAfterMinutes: 5 },
      });
      await pushed(app, sam, 'createIssue', createArgs('Crush at the gate', { category: 'ticketing', severity: 'urgent' }));
      const posted = createArgs('Filmed a row at the bar', {
        category: 'food-vendors',
        publicRisk: { level: 'posted', link: 'https://example.com/p/1' },
      });
      await pushed(app, sam, 'createIssue', posted);
      await notifier.waitFor(1);
      expect(notifier.calls.map((c) => [c.alert.kind, c.deviceIds])).toEqual([['public-risk', [sam.id, alex.id].sort()]]);
      expect((await alertsOf(app, alex)).map((a) => a.kind)).toEqual(['public-risk']);
      expect((await alertsOf(app, sam)).map((a) => [a.kind, a.issueId])).toEqual([['public-risk', posted.id]]);
      // The audit log says who changed which kinds; the event's own list says how.
      const { entries } = await readAuditLog(app.storage.db, 'festival', { limit: 10 });
      expect(entries.filter((e) => e.action === 'settings-change').map((e) => [e.actor.name, e.detail])).toEqual([
        ['Alex', { fields: 'alert rules', alertRules: 'urgent, public-risk' }],
      ]);
    },
    heavy,
  );

  it(
    'a tuned escalation time is the one the clock keeps: urgent moves up after 8 minutes, not 3',
    async () => {
      const { app } = await start();
      const sam = await joinAs(app, 'staff', 'Sam');
      const alex = await joinAs(app, 'coordinator', 'Alex');
      await joinAs(app, 'organizer', 'Jo');
      await tune(app, alex, { urgent: { ...defaultAlertRules.urgent, escalateAfterMinutes: 8 } });
      await pushed(app, sam, 'createIssue', createArgs('Crowd surge', { category: 'safety-security', severity: 'urgent' }));
      const urgentMoved = async (minutes: number) =>
        (await runAlertClock(app.storage, minutesLater(minutes))).escalated.filter((a) => a.row.kind === 'urgent');
      expect(await urgentMoved(4)).toEqual([]);
      expect((await urgentMoved(9)).map((a) => a.row.level)).toEqual(['organizer']);
    },
    heavy,
  );

  it(
    'staff cannot change the rules: refused as forbidden with a sentence, and every phone keeps the rules as they were',
    async () => {
      const { app } = await start();
      const sam = await joinAs(app, 'staff', 'Sam');
      const answer = (
        await push(app, sam, [
          mutation(sam, 'changeEventSettings', { alertRules: { urgent: { ...defaultAlertRules.urgent, enabled: false } } }),
        ])
      ).json();
      expect(answer.refused).toEqual([
        expect.objectContaining({
          kind: 'forbidden',
          message: 'Only coordinators and organizers can change which alerts go to whom.',
        }),
      ]);
      expect((await pull(app, sam, 0)).json().event.alertRules).toBeUndefined();
      const alex = await joinAs(app, 'coordinator', 'Alex');
      await pushed(app, sam, 'createIssue', createArgs('Crush at the gate', { category: 'ticketing', severity: 'urgent' }));
      expect((await alertsOf(app, alex)).map((a) => a.kind)).toEqual(['urgent']);
    },
    heavy,
  );

  it(
    'rules changed through one server instance are the rules another instance raises alerts by, at once',
    async () => {
      const { app } = await start();
      // A second instance on the same database, as behind a load balancer.
      const other = await buildApp({ storage: server!.storage, staticDir: null, checkAnswers: true });
      closers.push(() => other.close());
      const sam = await joinAs(app, 'staff', 'Sam');
      const alex = await joinAs(app, 'coordinator', 'Alex');
      await pushed(app, sam, 'createIssue', createArgs('Crush at the gate', { category: 'ticketing', severity: 'urgent' }));
      await tune(app, alex, { urgent: { ...defaultAlertRules.urgent, enabled: false } });
      await pushed(other, sam, 'createIssue', createArgs('Second crush', { category: 'ticketing', severity: 'urgent' }));
      expect((await alertsOf(other, alex)).map((a) => a.body)).toEqual(['Crush at the gate']);
      await tune(other, alex, { urgent: defaultAlertRules.urgent });
      await pushed(app, sam, 'createIssue', createArgs('Third crush', { category: 'ticketing', severity: 'urgent' }));
      expect((await alertsOf(app, alex)).map((a) => a.body)).toEqual(['Third crush', 'Crush at the gate']);
    },
    heavy,
  );

  it(
    'a hand-over to someone off duty goes to the coordinators at once, not after its 5 minutes',
    async () => {
      const { app, notifier } = await start();
      const sam = await joinAs(app, 'staff', 'Sam');
      const kim = await joinAs(app, 'staff', 'Kim');
      const alex = await joinAs(app, 'coordinator', 'Alex');
      expect((await setDuty(app, kim, false)).statusCode).toBe(200);
      const handed = createArgs('Wheelchair platform full', { category: 'accessibility' });
      await pushed(app, sam, 'createIssue', handed);
      await pushed(app, sam, 'handOver', { issueId: handed.id, to: { id: 'staff-Kim', name: 'Kim' }, note: 'Please take it' });
      await notifier.waitFor(1);
      expect(notifier.calls.map((c) => [c.alert.kind, c.alert.level, c.deviceIds])).toEqual([
        ['handover', 'coordinator', [alex.id]],
      ]);
      expect(await alertsOf(app, alex)).toEqual([
        expect.objectContaining({ kind: 'handover', level: 'coordinator', escalatedAt: expect.any(String) }),
      ]);
      // Kim sees it when she comes back on duty, as the hand-over to her that it is.
      await setDuty(app, kim, true);
      expect((await alertsOf(app, kim)).map((a) => a.kind)).toEqual(['handover']);
    },
    heavy,
  );

  it(
    'an alert nobody on duty can answer stays open where it was raised; whoever comes on duty sees it',
    async () => {
      const { app, notifier } = await start();
      const sam = await joinAs(app, 'staff', 'Sam');
      const alex = await joinAs(app, 'coordinator', 'Alex');
      await setDuty(app, alex, false);
      await pushed(app, sam, 'createIssue', createArgs('Crush at the gate', { category: 'ticketing', severity: 'urgent' }));
      expect(notifier.calls).toEqual([]);
      await setDuty(app, alex, true);
      expect(await alertsOf(app, alex)).toEqual([
        expect.objectContaining({ kind: 'urgent', level: 'coordinator', escalatedAt: null, ackedBy: null }),
      ]);
    },
    heavy,
  );
});
