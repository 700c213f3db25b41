import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  acknowledge,
  alertsOf,
  joinOnSamePhone,
  pushed,
  type recordingNotifier,
  setDuty,
  startAlertServer,
} from './alert-helpers';
import { backends, type TestServer } from './helpers';
import { createArgs, deviceHeaders, joinAs, pull, setUpEvent } from './sync-helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const heavy = 30_000;

describe.each(backends)('alerts on %s', (backend) => {
  async function start(notifier?: ReturnType<typeof recordingNotifier>) {
    const started = await startAlertServer(backend, notifier);
    server = started.server;
    return started;
  }

  it(
    'an urgent issue from a staff phone alerts the coordinators and organizers on duty, not staff nor anyone off duty',
    async () => {
      const { app, notifier } = await start();
      const sam = await joinAs(app, 'staff', 'Sam');
      const alex = await joinAs(app, 'coordinator', 'Alex');
      const kim = await joinAs(app, 'coordinator', 'Kim');
      const jo = await joinAs(app, 'organizer', 'Jo');
      expect((await setDuty(app, kim, false)).statusCode).toBe(200);
      // Open phones, in the order they connected: the alert's recipients are poked first, once.
      const poked: string[] = [];
      for (const phone of [sam, kim, alex, jo]) app.pokes.subscribe('festival', () => poked.push(phone.name), phone.id);
      const issue = createArgs('Crush at the main gate', { category: 'ticketing', severity: 'urgent', zoneId: 'main-gate' });
      await pushed(app, sam, 'createIssue', issue);
      await vi.waitFor(() => expect(poked).toEqual(['Alex', 'Jo']));
      // The rest a moment later (crowdPokeDelayMs): their syncs do not queue ahead of the recipients'.
      await vi.waitFor(() => expect(poked).toEqual(['Alex', 'Jo', 'Sam', 'Kim']), { timeout: 5_000 });

      const [alert] = await alertsOf(app, alex);
      expect(alert).toMatchObject({
        issueId: issue.id,
        kind: 'urgent',
        title: 'Urgent issue · Main gate',
        body: 'Crush at the main gate',
        level: 'coordinator',
        escalatedAt: null,
        ackedBy: null,
        ackedAt: null,
      });
      expect(await alertsOf(app, jo)).toEqual([alert]);
      expect(await alertsOf(app, kim)).toEqual([]);
      expect(await alertsOf(app, sam)).toEqual([]);
      await notifier.waitFor(1);
      expect(notifier.calls).toEqual([{ deviceIds: [alex.id, jo.id].sort(), alert }]);
    },
    heavy,
  );

  it(
    'a lost person alerts every phone on duty, staff included',
    async () => {
      const { app, notifier } = await start();
      const sam = await joinAs(app, 'staff', 'Sam');
      const pat = await joinAs(app, 'staff', 'Pat');
      const lee = await joinAs(app, 'staff', 'Lee');
      const alex = await joinAs(app, 'coordinator', 'Alex');
      await setDuty(app, lee, false);
      await pushed(
        app,
        sam,
        'createIssue',
        createArgs('Girl, 7, red raincoat, lost near the Ferris wheel', { category: 'lost-person' }),
      );
      for (const phone of [sam, pat, alex]) expect((await alertsOf(app, phone)).map((a) => a.kind)).toEqual(['lost-person']);
      expect(await alertsOf(app, lee)).toEqual([]);
      await notifier.waitFor(1);
      expect(notifier.calls[0]!.deviceIds).toEqual([sam.id, pat.id, alex.id].sort());
    },
    heavy,
  );

  it(
    'a hand-over alerts only the person it names, on the phone that is theirs now',
    async () => {
      const { app } = await start();
      const sam = await joinAs(app, 'staff', 'Sam');
      const kim = await joinAs(app, 'staff', 'Kim');
      const alex = await joinAs(app, 'coordinator', 'Alex');
      const issue = createArgs('Refund for a broken locker', { category: 'cashless' });
      await pushed(app, sam, 'createIssue', issue);
      await pushed(app, sam, 'handOver', {
        issueId: issue.id,
        to: { id: 'staff-Kim', name: 'Kim' },
        note: 'Yours, at the locker tent',
      });
      const [alert] = await alertsOf(app, kim);
      expect(alert).toMatchObject({ kind: 'handover', issueId: issue.id, level: 'staff' });
      expect(await alertsOf(app, sam)).toEqual([]);
      expect(await alertsOf(app, alex)).toEqual([]);

      // Pat takes over Kim's phone (a shared phone, joined again): Kim's hand-over is not Pat's.
      const pat = await joinOnSamePhone(app, kim, 'Pat');
      expect(await alertsOf(app, pat)).toEqual([]);
      // Kim joins on another phone: the hand-over follows Kim there.
      const kimAgain = await joinAs(app, 'staff', 'Kim');
      expect((await alertsOf(app, kimAgain)).map((a) => a.id)).toEqual([alert!.id]);
    },
    heavy,
  );

  it(
    "I'm on it: the first answer wins, a later one hears who took it, and the others see it taken",
    async () => {
      const { app } = await start();
      const sam = await joinAs(app, 'staff', 'Sam');
      const alex = await joinAs(app, 'coordinator', 'Alex');
      const jo = await joinAs(app, 'organizer', 'Jo');
      const kim = await joinAs(app, 'coordinator', 'Kim');
      await pushed(app, sam, 'createIssue', createArgs('Fight at the bar', { category: 'safety-security', severity: 'urgent' }));
      const [alert] = await alertsOf(app, alex);
      const pokes: number[] = [];
      const stop = app.pokes.subscribe('festival', (seq) => pokes.push(seq));

      const [first, second] = await Promise.all([acknowledge(app, alex, alert!.id), acknowledge(app, jo, alert!.id)]);
      stop();
      const answers = [first!.json(), second!.json()];
      expect(answers.map((a) => a.first).sort()).toEqual([false, true]);
      const winner = answers.find((a) => a.first)!.alert.ackedBy;
      expect(answers.find((a) => !a.first)!.alert.ackedBy).toEqual(winner);
      expect(['Alex', 'Jo']).toContain(winner.name);
      expect(pokes).toHaveLength(1);

      const seenByKim = await alertsOf(app, kim);
      expect(seenByKim).toEqual([expect.objectContaining({ id: alert!.id, ackedBy: winner, ackedAt: expect.any(String) })]);
      const late = await acknowledge(app, kim, alert!.id);
      expect(late.json()).toEqual({ first: false, alert: expect.objectContaining({ ackedBy: winner }) });
      // Staff were not alerted and are not coordinators: not theirs to answer.
      expect((await acknowledge(app, sam, alert!.id)).statusCode).toBe(403);
    },
    heavy,
  );

  it(
    'closing or voiding an issue closes its alerts; an issue raised to urgent twice alerts once',
    async () => {
      const { app } = await start();
      const sam = await joinAs(app, 'staff', 'Sam');
      const alex = await joinAs(app, 'coordinator', 'Alex');
      const jo = await joinAs(app, 'organizer', 'Jo');
      const closed = createArgs('Stage barrier loose', { category: 'safety-security', severity: 'urgent' });
      const voided = createArgs('Test alert, ignore', { category: 'other', severity: 'urgent' });
      await pushed(app, sam, 'createIssue', closed);
      await pushed(app, sam, 'createIssue', voided);
      await pushed(app, sam, 'updateFields', { issueId: closed.id, fields: { severity: 'high' } });
      await pushed(app, sam, 'updateFields', { issueId: closed.id, fields: { severity: 'urgent' } });
      expect((await alertsOf(app, alex)).map((a) => a.issueId).sort()).toEqual([closed.id, voided.id].sort());

      await pushed(app, sam, 'setStatus', { issueId: closed.id, status: 'closed', resolution: 'Barrier fixed by crew' });
      await pushed(app, jo, 'voidIssue', { issueId: voided.id, reason: 'A test' });
      expect(await alertsOf(app, alex)).toEqual([]);
      const stillOpen = await app.storage.db.selectFrom('alerts').select('id').where('closed_at', 'is', null).execute();
      expect(stillOpen).toEqual([]);
      expect(
        (await acknowledge(app, alex, (await app.storage.db.selectFrom('alerts').select('id').executeTakeFirstOrThrow()).id))
          .statusCode,
      ).toBe(409);
    },
    heavy,
  );

  it(
    "an alert's words never hold the attendee's email or phone number",
    async () => {
      const { app, notifier } = await start();
      const sam = await joinAs(app, 'staff', 'Sam');
      await joinAs(app, 'coordinator', 'Alex');
      const issue = createArgs('Call Mia back on +31 6 1234 5678 or mia@example.org about her son', {
        category: 'lost-person',
        attendee: { name: 'Mia', email: 'mia@example.org', phone: '+31 6 1234 5678' },
      });
      await pushed(app, sam, 'createIssue', issue);
      const [alert] = await alertsOf(app, sam);
      const words = `${alert!.title} ${alert!.body}`;
      expect(words).toContain('about her son');
      expect(words).not.toMatch(/mia@example\.org|1234 5678|12345678/);
      await notifier.waitFor(1);
      expect(JSON.stringify(notifier.calls)).not.toMatch(/mia@example\.org|1234 5678/);
    },
    heavy,
  );

  it(
    'an erased attendee leaves the words of every alert too',
    async () => {
      const { app } = await start();
      const sam = await joinAs(app, 'staff', 'Sam');
      const alex = await joinAs(app, 'coordinator', 'Alex');
      const jo = await joinAs(app, 'organizer', 'Jo');
      const robin = createArgs('Wristband not scanning', {
        category: 'ticketing',
        attendee: { name: 'Robin Vos', email: 'robin@example.org' },
      });
      const search = createArgs('Robin Vos missing near the lake, last seen at 14:00', { category: 'lost-person' });
      await pushed(app, sam, 'createIssue', robin);
      await pushed(app, sam, 'createIssue', search);
      expect((await alertsOf(app, alex))[0]!.body).toContain('Robin Vos');
      const erased = await app.inject({
        method: 'POST',
        url: '/api/attendees/erase',
        headers: deviceHeaders(jo),
        payload: { query: 'robin@example.org', issueIds: [robin.id] },
      });
      expect(erased.statusCode, erased.body).toBe(200);
      const [alert] = await alertsOf(app, alex);
      expect(alert!.body).not.toContain('Robin');
      expect(alert!.body).toContain('missing near the lake');
    },
    heavy,
  );

  it(
    'on and off duty, and the zone, reach the people directory of every phone',
    async () => {
      const { app } = await start();
      const sam = await joinAs(app, 'staff', 'Sam');
      const alex = await joinAs(app, 'coordinator', 'Alex');
      const first = (await pull(app, alex, 0)).json();
      expect(first.people.find((p: { name: string }) => p.name === 'Sam')).toMatchObject({
        onDuty: true,
        dutyZoneId: null,
        pushReachable: false,
      });
      const answer = await setDuty(app, sam, true, 'main-gate');
      expect(answer.json()).toEqual({ onDuty: true, zoneId: 'main-gate' });
      const moved = (await pull(app, alex, first.cursor)).json();
      expect(moved.people).toEqual([expect.objectContaining({ name: 'Sam', onDuty: true, dutyZoneId: 'main-gate' })]);
      await setDuty(app, sam, false);
      const off = (await pull(app, alex, moved.cursor)).json();
      expect(off.people).toEqual([expect.objectContaining({ name: 'Sam', onDuty: false, dutyZoneId: null })]);

      const wrongZone = await setDuty(app, sam, true, 'the-moon');
      expect(wrongZone.statusCode).toBe(400);
      expect(wrongZone.json().error.message).toMatch(/not one of this event's zones/);
      expect((await pull(app, alex, off.cursor)).json().people).toEqual([]);
    },
    heavy,
  );

  it(
    "another event's phone sees none of this event's alerts and cannot answer them",
    async () => {
      const { app } = await start();
      await setUpEvent(app, 'other-festival');
      const sam = await joinAs(app, 'staff', 'Sam');
      const alex = await joinAs(app, 'coordinator', 'Alex');
      const stranger = await joinAs(app, 'organizer', 'Stranger', 'other-festival');
      await pushed(app, sam, 'createIssue', createArgs('Medical: fainted at the front', { category: 'medical-welfare' }));
      const [alert] = await alertsOf(app, alex);
      expect(alert!.kind).toBe('medical-welfare');
      expect(await alertsOf(app, stranger)).toEqual([]);
      const answer = await acknowledge(app, stranger, alert!.id);
      expect(answer.statusCode).toBe(404);
      expect((await acknowledge(app, stranger, 'no-such-alert')).statusCode).toBe(404);
      const unauthenticated = await app.inject({
        method: 'GET',
        url: '/api/alerts',
        headers: { ...deviceHeaders(alex), authorization: '' },
      });
      expect(unauthenticated.statusCode).toBe(401);
    },
    heavy,
  );
});
