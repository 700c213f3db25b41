import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { HelptentDatabase } from '../../src/db/database';
import { runRetention } from '../../src/server/personal-data/retention';
import { backends, startTestServer, type TestServer } from './helpers';
import { deviceHeaders, joinAs, mutation, newUuid, push, setUpEvent, type TestDevice } from './sync-helpers';
import { change, joinTestPhone, phoneDatabases, type TestPhone } from './test-phone';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const db of phoneDatabases.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** The attendee who asks to be forgotten, and the ways staff wrote her details down. */
const robin = { name: 'Robin de Vries', email: 'robin.devries@example.org', phone: '+31 6 1234 5678', ticketId: 'TCK-99812' };
const traces = [robin.email, 'Robin de Vries', '1234 5678', '12345678', 'TCK-99812'];
/** Someone else, who must keep their data. */
const kim = { name: 'Kim Jansen', email: 'kim.jansen@example.net', phone: '+31 6 8765 4321', ticketId: '' };

function tracesIn(text: string): string[] {
  return traces.filter((t) => text.toLowerCase().includes(t.toLowerCase()));
}

/** Every table of a phone's database, read back as text. */
async function phoneText(db: HelptentDatabase): Promise<string> {
  const parts: string[] = [];
  for (const table of db.tables) parts.push(JSON.stringify(await table.toArray()));
  return parts.join('\n');
}

/** The raw bytes of the SQLite file and its write-ahead log, as text (what a stolen disk shows). */
function sqliteBytes(file: string): string {
  return [file, `${file}-wal`]
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('latin1'))
    .join('\n');
}

function postgresDump(srv: TestServer): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  const schema = /search_path=(\w+)/.exec(decodeURIComponent((srv.storage as { url: string }).url))![1]!;
  return execFileSync('pg_dump', ['--data-only', '--schema', schema, '--dbname', url.toString()], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

function storedText(srv: TestServer): string {
  return srv.storage.kind === 'sqlite' ? sqliteBytes(srv.storage.file) : postgresDump(srv);
}

async function exportsText(srv: TestServer, organizer: TestDevice): Promise<string> {
  const parts: string[] = [];
  for (const kind of ['issues', 'follow-up']) {
    for (const format of ['csv', 'json']) {
      const answer = await srv.app.inject({
        method: 'GET',
        url: `/api/exports/${kind}?format=${format}`,
        headers: deviceHeaders(organizer),
      });
      expect(answer.statusCode).toBe(200);
      parts.push(answer.body);
    }
  }
  return parts.join('\n');
}

async function auditActions(srv: TestServer, organizer: TestDevice) {
  const answer = await srv.app.inject({ method: 'GET', url: '/api/audit', headers: deviceHeaders(organizer) });
  return (answer.json().entries as { action: string; actor: { name: string }; detail: object }[]).map((e) => ({
    action: e.action,
    name: e.actor.name,
    detail: e.detail,
  }));
}

function post(srv: TestServer, device: TestDevice, url: string, payload: unknown) {
  return srv.app.inject({ method: 'POST', url, headers: deviceHeaders(device), payload: payload as object });
}

interface Festival {
  coordinator: TestPhone;
  staff: TestPhone;
  offline: TestPhone;
  organizer: TestDevice;
  robinIssue: string;
  mentionIssue: string;
  kimIssue: string;
}

/**
 * Robin in the contact fields, the summary, two notes and what we told her of one issue (with a
 * follow-up in progress), mentioned in another attendee's issue; Kim on a third. Every phone has
 * pulled it all.
 */
async function festivalWithRobin(srv: TestServer): Promise<Festival> {
  const app = srv.app;
  await setUpEvent(app);
  const coordinator = await joinTestPhone(app, 'Cas', 'coordinator');
  const staff = await joinTestPhone(app, 'Sam', 'staff');
  const offline = await joinTestPhone(app, 'Oli', 'coordinator');
  const organizer = await joinAs(app, 'organizer', 'Jo');
  const robinIssue = newUuid();
  await change(staff, 'createIssue', {
    id: robinIssue,
    eventId: 'festival',
    category: 'lost-property',
    summary: `Robin de Vries lost her phone, call back on ${robin.phone}`,
    attendee: robin,
    consentGiven: true,
  });
  await change(staff, 'addNote', { issueId: robinIssue, text: 'Called 06-12345678, no answer' });
  await change(staff, 'addNote', { issueId: robinIssue, text: `Mailed ${robin.email} about the lost phone` });
  await change(staff, 'recordToldAttendee', { issueId: robinIssue, text: `We will mail ${robin.email} when it turns up` });
  await change(staff, 'setFollowUp', { issueId: robinIssue, needed: true, reason: 'lost_property', channel: 'email' });
  const mentionIssue = newUuid();
  await change(coordinator, 'createIssue', {
    id: mentionIssue,
    eventId: 'festival',
    category: 'lost-person',
    summary: 'Looking for a friend who went missing near the main stage',
    attendee: { name: 'Alex Smit', email: 'alex@example.com', phone: '', ticketId: '' },
  });
  await change(coordinator, 'addNote', { issueId: mentionIssue, text: `Friend is Robin de Vries, reachable on ${robin.email}` });
  const kimIssue = newUuid();
  await change(coordinator, 'createIssue', {
    id: kimIssue,
    eventId: 'festival',
    category: 'ticketing',
    summary: 'Wristband does not scan',
    attendee: kim,
    consentGiven: true,
  });
  await change(coordinator, 'setFollowUp', { issueId: kimIssue, needed: true, reason: 'apology', channel: 'email' });
  for (const phone of [staff, coordinator, staff, coordinator, offline]) await phone.sync();
  // Every phone holds Robin before the erasure.
  expect(tracesIn(await phoneText(offline.db))).toContain(robin.email);
  return { coordinator, staff, offline, organizer, robinIssue, mentionIssue, kimIssue };
}

async function syncAll(...phones: TestPhone[]): Promise<void> {
  for (const phone of phones) await phone.sync();
}

describe.each(backends)('attendee personal data on %s', (backend) => {
  it('an erased attendee occurs nowhere afterwards: server storage, every phone (one offline during the erasure), every export, the log', async () => {
    const logLines: string[] = [];
    server = await startTestServer({ backend, logLines });
    const srv = server;
    const f = await festivalWithRobin(srv);

    const found = await post(srv, f.organizer, '/api/attendees/find', { query: robin.email });
    expect(found.statusCode).toBe(200);
    const matches = found.json().matches as { issueId: string; relation: string }[];
    expect(matches.map((m) => [m.issueId, m.relation])).toEqual([
      [f.robinIssue, 'attendee'],
      [f.mentionIssue, 'mentioned'],
    ]);

    const erased = await post(srv, f.organizer, '/api/attendees/erase', { query: robin.email, issueIds: [f.robinIssue] });
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toEqual({ issuesChanged: 2 });

    // The phones that were online sync; the third comes back later.
    await syncAll(f.staff, f.coordinator);
    expect(tracesIn(storedText(srv))).toEqual([]);
    expect(tracesIn(await phoneText(f.staff.db))).toEqual([]);
    expect(tracesIn(await phoneText(f.coordinator.db))).toEqual([]);
    expect(tracesIn(await phoneText(f.offline.db))).toContain(robin.email);
    await syncAll(f.offline);
    expect(tracesIn(await phoneText(f.offline.db))).toEqual([]);
    expect(tracesIn(await exportsText(srv, f.organizer))).toEqual([]);
    expect(tracesIn(logLines.join('\n'))).toEqual([]);

    // What stays: Kim, the figures, and a history entry saying something was erased, by whom, not what.
    const exported = JSON.parse(
      (await srv.app.inject({ method: 'GET', url: '/api/exports/issues?format=json', headers: deviceHeaders(f.organizer) })).body,
    );
    expect(exported.rows).toHaveLength(3);
    expect(JSON.stringify(exported)).toContain(kim.email);
    const robinRow = await f.coordinator.db.issues.get(f.robinIssue);
    expect(robinRow?.category).toBe('lost-property');
    expect(robinRow?.attendee).toEqual({ name: '', email: '', phone: '', ticketId: '', preferredChannel: null });
    expect(robinRow?.personalDataRemoved).toMatchObject({ why: 'erasure', by: { name: 'Jo' } });
    expect(robinRow?.timeline.at(-1)?.text).toBe('Attendee personal data erased on request by Jo');
    expect(robinRow?.timeline.filter((e) => e.kind === 'note')).toHaveLength(2);
    const followUps = await exportsText(srv, f.organizer);
    expect(followUps).toContain(kim.email);
    expect(await auditActions(srv, f.organizer)).toContainEqual({ action: 'erasure', name: 'Jo', detail: { issues: 2 } });
  }, 30_000);

  it('every erasure, access export and retention run is in the audit log, from the app and from the server', async () => {
    server = await startTestServer({ backend });
    const srv = server;
    const f = await festivalWithRobin(srv);
    await post(srv, f.organizer, '/api/attendees/access', { query: robin.email, issueIds: [f.robinIssue], format: 'html' });
    await push(srv.app, f.organizer, [mutation(f.organizer, 'changeEventSettings', { retentionDays: 30 })]);
    await runRetention(srv.app.storage, 'festival', new Date('2026-08-14T12:00:00Z'));
    const actions = await auditActions(srv, f.organizer);
    expect(actions).toContainEqual({ action: 'retention-run', name: 'server', detail: { issues: 3, retentionDays: 30 } });
    expect(actions).toContainEqual({ action: 'access-export', name: 'Jo', detail: { issues: 1, mentions: 1, format: 'html' } });
  }, 30_000);

  it('a late change from a phone that had not heard of the erasure does not bring the attendee back', async () => {
    server = await startTestServer({ backend });
    const srv = server;
    const f = await festivalWithRobin(srv);
    // Typed offline before the erasure, sent after it.
    await change(f.offline, 'addNote', { issueId: f.robinIssue, text: `Robin called again from ${robin.phone}` });
    await change(f.offline, 'updateFields', { issueId: f.robinIssue, fields: { attendee: { email: robin.email } } });
    await post(srv, f.organizer, '/api/attendees/erase', { query: robin.email, issueIds: [f.robinIssue] });
    await syncAll(f.offline, f.staff);
    expect(tracesIn(storedText(srv))).toEqual([]);
    expect(tracesIn(await phoneText(f.staff.db))).toEqual([]);
    const notes = (await f.offline.db.issues.get(f.robinIssue))!.timeline.filter((e) => e.kind === 'note');
    expect(notes.at(-1)?.note).toBe('Robin called again from [contact]');
  }, 30_000);

  it('a refused change that quoted the attendee is kept, cleaned, when the erasure reaches the phone', async () => {
    server = await startTestServer({ backend });
    const srv = server;
    const f = await festivalWithRobin(srv);
    const voiding = mutation(f.organizer, 'voidIssue', { issueId: f.mentionIssue, reason: 'duplicate' });
    expect((await push(srv.app, f.organizer, [voiding])).json().refused).toEqual([]);
    // Typed before the phone heard of the voiding: the server refuses it, the phone keeps it to be read.
    await change(f.coordinator, 'addNote', { issueId: f.mentionIssue, text: `Robin is on ${robin.phone}` });
    await f.coordinator.sync();
    expect(await f.coordinator.db.refusedChanges.count()).toBe(1);
    expect(tracesIn(await phoneText(f.coordinator.db))).toContain('1234 5678');
    await post(srv, f.organizer, '/api/attendees/erase', { query: robin.email, issueIds: [f.robinIssue] });
    await f.coordinator.sync();
    expect(await f.coordinator.db.refusedChanges.count()).toBe(1);
    expect(tracesIn(await phoneText(f.coordinator.db))).toEqual([]);
  }, 30_000);

  it('the retention period removes every attendee’s personal data, on the server and on every phone, keeping the figures', async () => {
    server = await startTestServer({ backend });
    const srv = server;
    const f = await festivalWithRobin(srv);
    const everyone = [...traces, kim.email, 'Kim Jansen', '8765 4321', 'alex@example.com', 'Alex Smit'];
    const left = (text: string) => everyone.filter((t) => text.includes(t));
    // The organizer keeps attendee data 30 days after the festival (it ended 2026-07-12).
    const shorten = mutation(f.organizer, 'changeEventSettings', { retentionDays: 30 });
    expect((await push(srv.app, f.organizer, [shorten])).json().refused).toEqual([]);
    // A phone that learns the date has passed removes its copies at once, before the server
    // runs (and offline: it looks before it tries the network).
    await f.offline.sync();
    expect(left(await phoneText(f.offline.db))).toEqual([]);
    expect(left(storedText(srv))).toContain(robin.email);

    expect(await runRetention(srv.app.storage, 'festival', new Date('2026-08-10T12:00:00Z'))).toBeNull();
    const run = await runRetention(srv.app.storage, 'festival', new Date('2026-08-14T12:00:00Z'));
    expect(run).toMatchObject({ issuesChanged: 3 });
    expect(await runRetention(srv.app.storage, 'festival', new Date('2026-08-15T12:00:00Z'))).toBeNull();
    expect(left(storedText(srv))).toEqual([]);
    await syncAll(f.staff, f.coordinator, f.offline);
    for (const phone of [f.staff, f.coordinator, f.offline]) expect(left(await phoneText(phone.db))).toEqual([]);
    expect(left(await exportsText(srv, f.organizer))).toEqual([]);
    const issues = JSON.parse(
      (await srv.app.inject({ method: 'GET', url: '/api/exports/issues?format=json', headers: deviceHeaders(f.organizer) })).body,
    ).rows as { category: string; consent: boolean }[];
    expect(issues.map((r) => r.category).sort()).toEqual(['Lost person', 'Lost property', 'Tickets & wristbands']);
    // An issue logged offline before the purge and sent after it arrives without personal data.
    await change(f.offline, 'createIssue', {
      id: newUuid(),
      eventId: 'festival',
      category: 'other',
      summary: `Late one, ${kim.email}`,
      attendee: kim,
    });
    await syncAll(f.offline);
    expect(left(storedText(srv))).toEqual([]);
  }, 30_000);

  it('an access export gives everything held about one attendee as JSON and as a readable page', async () => {
    server = await startTestServer({ backend });
    const srv = server;
    const f = await festivalWithRobin(srv);
    const body = { query: robin.email, issueIds: [f.robinIssue] };
    const json = await post(srv, f.organizer, '/api/attendees/access', body);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toBe('attachment; filename="helptent-festival-subject-access.json"');
    const doc = json.json();
    expect(doc.issues).toHaveLength(1);
    expect(doc.issues[0].contactDetails).toMatchObject({ email: robin.email, phone: robin.phone });
    expect(doc.issues[0].history.map((h: { note: string }) => h.note)).toContain(`Mailed ${robin.email} about the lost phone`);
    expect(doc.mentions).toEqual([
      expect.objectContaining({
        issueId: f.mentionIssue,
        passages: [expect.objectContaining({ text: expect.stringContaining(robin.email) })],
      }),
    ]);
    expect(JSON.stringify(doc)).not.toContain(kim.email);
    expect(JSON.stringify(doc)).not.toContain('alex@example.com');
    const html = await post(srv, f.organizer, '/api/attendees/access', { ...body, format: 'html' });
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('<h1>Your data held by the Festival help desk</h1>');
    expect(html.body).toContain(robin.email);
    expect(html.body).not.toContain('<script');
  }, 30_000);

  it('only organizers find, erase or export an attendee; a search never travels in the address', async () => {
    server = await startTestServer({ backend });
    const srv = server;
    await setUpEvent(srv.app);
    const coordinator = await joinAs(srv.app, 'coordinator', 'Cas');
    for (const url of ['/api/attendees/find', '/api/attendees/erase', '/api/attendees/access']) {
      const answer = await post(srv, coordinator, url, { query: robin.email, issueIds: [] });
      expect(answer.statusCode).toBe(403);
    }
    const organizer = await joinAs(srv.app, 'organizer', 'Jo');
    const short = await post(srv, organizer, '/api/attendees/find', { query: 'a' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toMatch(/at least 2 characters/);
    const asGet = await srv.app.inject({
      method: 'GET',
      url: `/api/attendees/find?query=${robin.email}`,
      headers: deviceHeaders(organizer),
    });
    expect(asGet.statusCode).toBe(404);
  }, 30_000);

  it.runIf(backend === 'sqlite')('the database file is readable by the server’s user only', async () => {
    server = await startTestServer({ backend });
    await setUpEvent(server.app);
    const file = (server.storage as { file: string }).file;
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
