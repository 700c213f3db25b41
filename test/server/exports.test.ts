import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUpColumns, issueColumns } from '../../src/domain/export-rows';
import type { StorageConfig } from '../../src/server/config';
import { backends, startTestServer, type TestServer } from './helpers';
import { createArgs, joinAs, mutation, push, setUpEvent, type TestDevice } from './sync-helpers';

const tsx = resolve('node_modules/.bin/tsx');
const exportCli = resolve('src/server/cli/export-cli.ts');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run export -- …` the way an organizer would on the server box, minus npm. */
function runCli(args: string[], databaseUrl: string, cwd: string): Promise<CliResult> {
  return new Promise((done) => {
    execFile(tsx, [exportCli, ...args], { cwd, env: { ...process.env, DATABASE_URL: databaseUrl } }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

function databaseUrlOf(storage: StorageConfig): string {
  return storage.kind === 'sqlite' ? `sqlite:${storage.file}` : storage.url;
}

function get(app: FastifyInstance, url: string, device?: TestDevice) {
  return app.inject({ method: 'GET', url, headers: device ? { authorization: `Bearer ${device.token}` } : {} });
}

/** The CSV's data rows as objects, after checking it is what a spreadsheet expects: BOM and CRLF. */
function parseCsv(body: string): { fields: string[]; rows: Record<string, string>[] } {
  expect(body.startsWith('\uFEFF')).toBe(true);
  expect(body.endsWith('\r\n')).toBe(true);
  expect(body.replace(/\r\n/g, '')).not.toContain('\n');
  const parsed = Papa.parse<Record<string, string>>(body.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { fields: parsed.meta.fields ?? [], rows: parsed.data };
}

function at<T extends object>(change: T, createdAt: string): T {
  return { ...change, createdAt };
}

const robin = { name: 'Robin Example', email: 'robin@example.org', phone: '+31 6 1234 5678', preferredChannel: 'email' };
const noor = { name: 'Noor Private', email: 'noor.private@example.org', phone: '+31 6 9876 5432', ticketId: 'TCK-NOOR-77' };
const kai = { name: 'Kai Nightowl', email: 'kai@example.org', phone: '+32 470 12 34 56' };
const lee = { name: 'Lee Thankful', email: 'lee@example.org' };

describe.each(backends)('organizer exports on %s', (backend) => {
  let server: TestServer;
  let app: FastifyInstance;
  let organizer: TestDevice;
  let coordinator: TestDevice;
  let staff: TestDevice;
  const ids = { robin: '', noor: '', night: '', saturday: '', thanked: '' };

  beforeAll(async () => {
    server = await startTestServer({ backend });
    app = server.app;
    await setUpEvent(app);
    organizer = await joinAs(app, 'organizer', 'Jo Organizer');
    coordinator = await joinAs(app, 'coordinator', 'Alex');
    staff = await joinAs(app, 'staff', 'Sam');
    const charged = createArgs('Charged twice, "cashless" top-up', { attendee: robin, consentGiven: true });
    const refund = createArgs('Refund wanted', { attendee: noor, consentGiven: false });
    // 01:30 on Saturday in Amsterdam: still Friday's festival day (the day starts at 06:00).
    const night = createArgs('Lost friend near the dance tent', { attendee: kai, consentGiven: true });
    const toilets = createArgs('Toilets blocked at campsite north');
    const thanks = createArgs('Wants to thank the medics', { attendee: lee, consentGiven: true });
    Object.assign(ids, { robin: charged.id, noor: refund.id, night: night.id, saturday: toilets.id, thanked: thanks.id });
    const response = await push(app, staff, [
      at(mutation(staff, 'createIssue', charged), '2026-07-10T12:00:00Z'),
      at(
        mutation(staff, 'setFollowUp', { issueId: charged.id, needed: true, reason: 'refund', channel: 'email' }),
        '2026-07-10T12:05:00Z',
      ),
      at(mutation(staff, 'createIssue', refund), '2026-07-10T14:00:00Z'),
      at(mutation(staff, 'setFollowUp', { issueId: refund.id, needed: true, reason: 'apology' }), '2026-07-10T14:05:00Z'),
      at(mutation(staff, 'createIssue', night), '2026-07-10T23:30:00Z'),
      at(
        mutation(staff, 'setFollowUp', { issueId: night.id, needed: true, reason: 'other', channel: 'phone' }),
        '2026-07-10T23:40:00Z',
      ),
      at(mutation(staff, 'createIssue', toilets), '2026-07-11T10:00:00Z'),
      at(mutation(staff, 'createIssue', thanks), '2026-07-11T11:00:00Z'),
      at(mutation(staff, 'setFollowUp', { issueId: thanks.id, needed: true, reason: 'thank_you' }), '2026-07-11T11:01:00Z'),
      at(mutation(staff, 'setOutreach', { issueId: thanks.id, outreach: 'done' }), '2026-07-11T11:02:00Z'),
    ]);
    expect(response.json()).toEqual({ lastMutationId: 10, refused: [] });
  });

  afterAll(async () => {
    await server?.close();
  });

  async function exportLog(device: TestDevice = organizer) {
    const response = await get(app, '/api/exports/log', device);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    return response.json().exports as Record<string, unknown>[];
  }

  it('an organizer downloads every issue as a CSV a spreadsheet opens: BOM, CRLF, a row per issue, oldest first', async () => {
    const response = await get(app, '/api/exports/issues', organizer);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="helptent-festival-all-days-issues.csv"');
    expect(response.headers['cache-control']).toBe('no-store');
    const { fields, rows } = parseCsv(response.body);
    expect(fields).toEqual([...issueColumns]);
    expect(rows.map((r) => r.id)).toEqual([ids.robin, ids.noor, ids.night, ids.saturday, ids.thanked]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids.robin)).toMatchObject({
      summary: 'Charged twice, "cashless" top-up',
      attendee_email: robin.email,
      // toCsv prefixes cells starting with + = - @ so a spreadsheet never runs them as a formula.
      attendee_phone: `'${robin.phone}`,
      consent: 'true',
      follow_up_needed: 'true',
      logged_by: 'Sam',
    });
    // No consent, no contact details — not even for organizers.
    expect(byId.get(ids.noor)).toMatchObject({ consent: 'false', attendee_name: '', attendee_email: '', attendee_phone: '' });
    for (const secret of [noor.name, noor.email, noor.phone, noor.ticketId]) expect(response.body).not.toContain(secret);
  });

  it('a festival day’s export counts the issue logged at 01:30 on Saturday in Friday', async () => {
    const friday = await get(app, '/api/exports/issues?day=2026-07-10', organizer);
    expect(friday.headers['content-disposition']).toBe('attachment; filename="helptent-festival-2026-07-10-issues.csv"');
    const fridayRows = parseCsv(friday.body).rows;
    expect(fridayRows.map((r) => r.id)).toEqual([ids.robin, ids.noor, ids.night]);
    expect(fridayRows.map((r) => r.festival_day)).toEqual(['2026-07-10', '2026-07-10', '2026-07-10']);
    const saturday = await get(app, '/api/exports/issues?day=2026-07-11', organizer);
    expect(parseCsv(saturday.body).rows.map((r) => r.id)).toEqual([ids.saturday, ids.thanked]);
  });

  it('the follow-up list holds only consenting attendees still to reach, and no one else’s contact details', async () => {
    const response = await get(app, '/api/exports/follow-up', organizer);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="helptent-festival-all-days-follow-up.csv"');
    const { fields, rows } = parseCsv(response.body);
    expect(fields).toEqual([...followUpColumns]);
    // Noor said no; Lee's follow-up is done.
    expect(rows.map((r) => r.id)).toEqual([ids.robin, ids.night]);
    expect(rows[0]).toMatchObject({ attendee_name: robin.name, attendee_email: robin.email, reason: 'refund' });
    expect(rows[1]).toMatchObject({ attendee_phone: `'${kai.phone}`, preferred_channel: 'phone', festival_day: '2026-07-10' });
    const json = await get(app, '/api/exports/follow-up?format=json', organizer);
    for (const body of [response.body, json.body]) {
      for (const secret of [noor.name, noor.email, noor.phone, noor.ticketId, ids.noor]) expect(body).not.toContain(secret);
    }
  });

  it('the JSON export carries the event, kind, day, time, columns and typed rows', async () => {
    const response = await get(app, '/api/exports/issues?day=2026-07-10&format=json', organizer);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="helptent-festival-2026-07-10-issues.json"');
    expect(response.body).toMatch(/^{\n {2}"event": {\n/);
    const document = response.json();
    expect(document).toMatchObject({ event: { id: 'festival', name: 'Festival' }, kind: 'issues', day: '2026-07-10' });
    expect(Date.parse(document.exportedAt)).not.toBeNaN();
    expect(document.columns).toEqual([...issueColumns]);
    expect(document.rows.map((r: { id: string }) => r.id)).toEqual([ids.robin, ids.noor, ids.night]);
    expect(Object.keys(document.rows[0])).toEqual([...issueColumns]);
    expect(document.rows[0]).toMatchObject({
      consent: true,
      notes: 0,
      first_response_minutes: null,
      attendee_email: robin.email,
    });
  });

  it('an unknown day gives a file with only the header', async () => {
    const response = await get(app, '/api/exports/issues?day=2031-01-01', organizer);
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(`\uFEFF${issueColumns.join(',')}\r\n`);
    const everything = await get(app, '/api/exports/issues?day=', organizer);
    expect(parseCsv(everything.body).rows).toHaveLength(5);
  });

  it('staff and coordinators get 403, no token or a signed-out organizer 401, and none of it is logged', async () => {
    const lost = await joinAs(app, 'organizer', 'Lost Phone Organizer');
    await app.inject({
      method: 'POST',
      url: `/api/devices/${lost.id}/revoke`,
      headers: { authorization: `Bearer ${organizer.token}` },
    });
    for (const url of ['/api/exports/issues', '/api/exports/follow-up?format=json', '/api/exports/log']) {
      expect((await get(app, url, staff)).statusCode).toBe(403);
      expect((await get(app, url, coordinator)).statusCode).toBe(403);
      expect((await get(app, url)).statusCode).toBe(401);
      expect((await get(app, url, lost)).statusCode).toBe(401);
    }
    const refused = await get(app, '/api/exports/follow-up', coordinator);
    expect(refused.json().error).toMatchObject({ kind: 'forbidden', message: expect.stringMatching(/signed in as coordinator/) });
    expect(refused.body).not.toContain(robin.email);
    const record = { kind: 'issues', format: 'csv', rows: 1, exportedAt: '2026-07-10T12:00:00Z' };
    const post = await app.inject({
      method: 'POST',
      url: '/api/exports/log',
      headers: { authorization: `Bearer ${staff.token}` },
      payload: record,
    });
    expect(post.statusCode).toBe(403);
    const who = (await exportLog()).map((e) => e.who);
    for (const name of ['Sam', 'Alex', 'Lost Phone Organizer']) expect(who).not.toContain(name);
  });

  it('a wrong kind, day or format gets 400 with a sentence naming it, and nothing is logged', async () => {
    const before = (await exportLog()).length;
    const cases: [string, RegExp][] = [
      ['/api/exports/everything', /kind: must be issues or follow-up/],
      ['/api/exports/issues?day=10-07-2026', /day: must be a festival day like 2026-07-10/],
      ['/api/exports/issues?day=2026-02-30', /day: is not a date in the calendar/],
      ['/api/exports/follow-up?format=xlsx', /format: must be csv or json/],
    ];
    for (const [url, message] of cases) {
      const response = await get(app, url, organizer);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.kind).toBe('invalid');
      expect(response.json().error.message).toMatch(message);
    }
    expect(await exportLog()).toHaveLength(before);
  });

  it('every export appears in the organizers’ export log, newest first, with who, what and how many rows', async () => {
    const reader = await joinAs(app, 'organizer', 'Log Reader');
    expect((await get(app, '/api/exports/issues?day=2026-07-11', reader)).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 5));
    expect((await get(app, '/api/exports/follow-up?format=json', reader)).statusCode).toBe(200);
    const log = await exportLog(organizer);
    expect(log.filter((e) => e.who === 'Log Reader')).toEqual([
      expect.objectContaining({ deviceId: reader.id, source: 'api', kind: 'follow-up', day: null, format: 'json', rows: 2 }),
      expect.objectContaining({ deviceId: reader.id, source: 'api', kind: 'issues', day: '2026-07-11', format: 'csv', rows: 2 }),
    ]);
    const received = log.map((e) => String(e.receivedAt));
    expect(received).toEqual([...received].sort().reverse());
  });

  it('an export the app made from the phone’s own data is recorded (201) and listed with the device’s time', async () => {
    const laptop = await joinAs(app, 'organizer', 'Offline Organizer');
    const record = (payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: '/api/exports/log', headers: { authorization: `Bearer ${laptop.token}` }, payload });
    const made = await record({
      kind: 'follow-up',
      day: '2026-07-10',
      format: 'csv',
      rows: 7,
      exportedAt: '2026-07-10T18:00:00+02:00',
    });
    expect(made.statusCode).toBe(201);
    expect(made.json().id).toEqual(expect.any(String));
    expect((await record({ kind: 'issues', format: 'json', rows: 0, exportedAt: '2026-07-11T08:00:00Z' })).statusCode).toBe(201);
    for (const bad of [
      { kind: 'all', format: 'csv', rows: 1, exportedAt: '2026-07-10T18:00:00Z' },
      { kind: 'issues', day: 'friday', format: 'csv', rows: 1, exportedAt: '2026-07-10T18:00:00Z' },
      { kind: 'issues', format: 'csv', rows: -1, exportedAt: '2026-07-10T18:00:00Z' },
      { kind: 'issues', format: 'csv', rows: 1, exportedAt: 'yesterday' },
      { kind: 'issues', rows: 1, exportedAt: '2026-07-10T18:00:00Z' },
    ]) {
      const response = await record(bad);
      expect(response.statusCode, JSON.stringify(bad)).toBe(400);
      expect(response.json().error.message).toMatch(/^The export record is not valid — /);
    }
    const mine = (await exportLog()).filter((e) => e.who === 'Offline Organizer');
    expect(mine).toHaveLength(2);
    expect(mine).toContainEqual(
      expect.objectContaining({
        deviceId: laptop.id,
        source: 'app',
        kind: 'follow-up',
        day: '2026-07-10',
        format: 'csv',
        rows: 7,
        exportedAt: '2026-07-10T16:00:00.000Z',
      }),
    );
    expect(mine).toContainEqual(expect.objectContaining({ kind: 'issues', day: null, format: 'json', rows: 0 }));
  });

  it('CLI output equals endpoint output, and the command line is in the log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'helptent-export-cli-'));
    try {
      const url = databaseUrlOf(server.storage);
      const out = join(dir, 'lists', 'follow-up.json');
      const [csv, json] = await Promise.all([
        runCli(['--event', 'festival', '--kind', 'issues', '--day', '2026-07-10'], url, dir),
        runCli(['--event', 'festival', '--kind', 'follow-up', '--format', 'json', '--out', out], url, dir),
      ]);
      expect(csv).toMatchObject({ code: 0, stderr: '' });
      const csvFile = join(dir, 'helptent-festival-2026-07-10-issues.csv');
      expect(csv.stdout).toContain(`Wrote 3 rows to ${csvFile}`);
      expect(json).toMatchObject({ code: 0, stderr: '' });
      expect(json.stdout).toContain(`Wrote 2 rows to ${out}`);

      const csvEndpoint = await get(app, '/api/exports/issues?day=2026-07-10', organizer);
      expect(readFileSync(csvFile).equals(csvEndpoint.rawPayload)).toBe(true);
      const jsonEndpoint = await get(app, '/api/exports/follow-up?format=json', organizer);
      const withoutTime = (text: string) => ({ ...JSON.parse(text), exportedAt: undefined });
      expect(withoutTime(readFileSync(out, 'utf8'))).toEqual(withoutTime(jsonEndpoint.body));
      expect(readFileSync(out, 'utf8').replace(/"exportedAt": "[^"]+"/, '')).toBe(
        jsonEndpoint.body.replace(/"exportedAt": "[^"]+"/, ''),
      );

      const fromCli = (await exportLog()).filter((e) => e.source === 'cli');
      expect(fromCli).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            who: 'command line',
            deviceId: null,
            kind: 'issues',
            day: '2026-07-10',
            format: 'csv',
            rows: 3,
          }),
          expect.objectContaining({ who: 'command line', deviceId: null, kind: 'follow-up', day: null, format: 'json', rows: 2 }),
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('export command line mistakes', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'helptent-export-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a wrong flag, value or event is named (with the usage for flags), exit 2, and nothing is written', async () => {
    const untouched = `sqlite:${join(dir, 'untouched.sqlite')}`;
    const [unknownFlag, badKind, unknownEvent] = await Promise.all([
      runCli(['--event', 'festival', '--kind', 'issues', '--formt', 'csv'], untouched, dir),
      runCli(['--event', 'festival', '--kind', 'everything'], untouched, dir),
      runCli(['--event', 'no-such-festival', '--kind', 'issues'], `sqlite:${join(dir, 'empty.sqlite')}`, dir),
    ]);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/Unknown option '--formt'/);
    expect(unknownFlag.stderr).toContain('Usage: npm run export -- --event <id> --kind issues|follow-up');
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toMatch(/--kind must be issues or follow-up, not "everything"/);
    // Flags are checked before the database is opened (or created).
    expect(existsSync(join(dir, 'untouched.sqlite'))).toBe(false);
    expect(unknownEvent.code).toBe(2);
    expect(unknownEvent.stderr).toMatch(/^There is no event "no-such-festival" in the SQLite database .*empty\.sqlite\.\n$/);
    expect(existsSync(join(dir, 'helptent-no-such-festival-all-days-issues.csv'))).toBe(false);
  }, 60_000);
});
