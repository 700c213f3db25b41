import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type AuditEntry, serverActor } from '../../src/domain/audit';
import { describeAuditEntry } from '../../src/domain/audit-sentence';
import type { StorageConfig } from '../../src/server/config';
import { recordAudit } from '../../src/server/repositories/audit-repository';
import { backends, startTestServer, type TestServer } from './helpers';
import {
  createArgs,
  deviceHeaders,
  joinAs,
  mutation,
  newJoinCode,
  newUuid,
  pull,
  push,
  setUpEvent,
  type TestDevice,
} from './sync-helpers';

const tsx = resolve('node_modules/.bin/tsx');

function runCli(script: string, args: string[], storage: StorageConfig, cwd: string) {
  const databaseUrl = storage.kind === 'sqlite' ? `sqlite:${storage.file}` : storage.url;
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      tsx,
      [resolve(script), ...args],
      { cwd, env: { ...process.env, DATABASE_URL: databaseUrl } },
      (error, stdout, stderr) => {
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each(backends)('the audit log on %s', (backend) => {
  async function start() {
    server = await startTestServer({ backend });
    await setUpEvent(server.app);
    return server.app;
  }

  function readAudit(app: FastifyInstance, device: TestDevice, query = '') {
    return app.inject({ method: 'GET', url: `/api/audit${query}`, headers: deviceHeaders(device) });
  }

  async function entries(app: FastifyInstance, organizer: TestDevice): Promise<AuditEntry[]> {
    const response = await readAudit(app, organizer, '?limit=500');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    return response.json().entries;
  }

  /** Entries as [actor, action, detail], oldest first: the story in the order it happened. */
  async function story(app: FastifyInstance, organizer: TestDevice) {
    return (await entries(app, organizer)).reverse().map((e) => [e.actor.name, e.action, e.detail]);
  }

  it('each join, role change, sign-out and let-back-in is one entry, by the device that acted', async () => {
    const app = await start();
    const jo = await joinAs(app, 'organizer', 'Jo');
    const deviceId = newUuid();
    const joinAsSam = async (role: 'staff' | 'coordinator', token?: string) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/join',
        headers: token ? { authorization: `Bearer ${token}` } : {},
        payload: { code: await newJoinCode(app, role), deviceId, staffId: 'staff-sam', staffName: 'Sam' },
      });
      expect(response.statusCode).toBe(200);
      return response.json().token as string;
    };
    const first = await joinAsSam('staff');
    const promoted = await joinAsSam('coordinator', first);
    await joinAsSam('coordinator', promoted);
    const asJo = (action: string) =>
      app.inject({ method: 'POST', url: `/api/devices/${deviceId}/${action}`, headers: deviceHeaders(jo) });
    expect((await asJo('revoke')).statusCode).toBe(200);
    expect((await asJo('restore')).statusCode).toBe(200);
    // What did not happen is not in the log: a wrong code, a second let-back-in.
    const wrong = { code: 'AAAA-BBBB-CC', deviceId: newUuid(), staffId: 'x', staffName: 'Nobody' };
    expect((await app.inject({ method: 'POST', url: '/api/join', payload: wrong })).statusCode).toBe(401);
    expect((await asJo('restore')).statusCode).toBe(404);

    const sam = { deviceId, staffName: 'Sam', role: 'coordinator' };
    expect(await story(app, jo)).toEqual([
      ['Jo', 'join', { role: 'organizer', again: false }],
      ['Sam', 'join', { role: 'staff', again: false }],
      ['Sam', 'role-change', { from: 'staff', to: 'coordinator' }],
      ['Sam', 'join', { role: 'coordinator', again: true }],
      ['Jo', 'sign-out', sam],
      ['Jo', 'let-back-in', sam],
    ]);
    const all = await entries(app, jo);
    expect(all.map((e) => e.actor.deviceId)).toEqual([jo.id, jo.id, deviceId, deviceId, deviceId, jo.id]);
    expect(all.every((e) => e.eventId === 'festival' && !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect(all.map(describeAuditEntry).reverse()).toEqual([
      'Jo joined as organizer.',
      'Sam joined as staff.',
      'Sam joined again with another role: now coordinator (was staff).',
      'Sam joined again as coordinator.',
      'Jo signed out Sam’s device.',
      'Jo let Sam’s device back in.',
    ]);
  });

  it('a settings change the server applies is one entry naming what changed; unchanged, refused and resent ones are none', async () => {
    const app = await start();
    const jo = await joinAs(app, 'organizer', 'Jo');
    const alex = await joinAs(app, 'coordinator', 'Alex');
    const sam = await joinAs(app, 'staff', 'Sam');
    const { event } = (await pull(app, alex, 0)).json();
    const zones = event.zones.map((z: { id: string; name: string }) => (z.id === 'dance-tent' ? { ...z, name: 'Big top' } : z));
    const changes = [
      mutation(alex, 'changeEventSettings', { dayStartsAt: '05:00', name: 'Dijkdrift 2026' }),
      mutation(alex, 'setZones', { zones: [...zones, { id: 'quiet-field', name: 'Quiet field' }] }),
      mutation(alex, 'changeEventSettings', { dayStartsAt: '05:00' }),
    ];
    expect((await push(app, alex, changes)).json()).toEqual({ lastMutationId: 3, refused: [] });
    expect((await push(app, alex, changes)).json()).toEqual({ lastMutationId: 3, refused: [] });
    const refused = (await push(app, sam, [mutation(sam, 'changeEventSettings', { name: 'Mine now' })])).json();
    expect(refused.refused).toHaveLength(1);

    const settings = (await story(app, jo)).filter(([, action]) => action === 'settings-change');
    expect(settings).toEqual([
      ['Alex', 'settings-change', { fields: 'festival name, day start' }],
      ['Alex', 'settings-change', { fields: 'zones (1 added, 1 renamed)', zonesAdded: 1, zonesRenamed: 1, zonesRemoved: 0 }],
    ]);
    const [latest] = await entries(app, jo);
    expect(latest!.actor).toEqual({ deviceId: alex.id, name: 'Alex' });
    expect(describeAuditEntry(latest!)).toBe('Alex changed the festival settings: zones (1 added, 1 renamed).');
  });

  it('every export is one entry (server, command line, reported by a phone), and no attendee details reach the log', async () => {
    const app = await start();
    const jo = await joinAs(app, 'organizer', 'Jo');
    const sam = await joinAs(app, 'staff', 'Sam');
    const robin = { name: 'Robin Example', email: 'robin@example.org', phone: '+31 6 1234 5678' };
    const charged = createArgs('Charged twice', { attendee: robin, consentGiven: true });
    await push(app, sam, [
      mutation(sam, 'createIssue', charged),
      mutation(sam, 'setFollowUp', { issueId: charged.id, needed: true, reason: 'refund', channel: 'email' }),
      mutation(sam, 'createIssue', createArgs('Lost friend', { attendee: { name: 'Kai Nightowl', phone: '+32 470 12 34 56' } })),
    ]);
    const get = (url: string) => app.inject({ method: 'GET', url, headers: deviceHeaders(jo) });
    expect((await get('/api/exports/issues')).statusCode).toBe(200);
    expect((await get('/api/exports/follow-up?day=2026-07-10&format=json')).statusCode).toBe(200);
    const reported = await app.inject({
      method: 'POST',
      url: '/api/exports/log',
      headers: deviceHeaders(jo),
      payload: { kind: 'follow-up', day: null, format: 'csv', rows: 1, exportedAt: '2026-07-10T16:00:00Z' },
    });
    expect(reported.statusCode).toBe(201);
    const dir = mkdtempSync(join(tmpdir(), 'helptent-audit-'));
    try {
      const cli = await runCli('src/server/cli/export-cli.ts', ['--event', 'festival', '--kind', 'issues'], server!.storage, dir);
      expect(cli).toMatchObject({ code: 0, stderr: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const exports = (await story(app, jo)).filter(([, action]) => action === 'export');
    expect(exports).toEqual([
      ['Jo', 'export', { kind: 'issues', day: null, format: 'csv', rows: 2, source: 'api' }],
      ['Jo', 'export', { kind: 'follow-up', day: '2026-07-10', format: 'json', rows: 1, source: 'api' }],
      ['Jo', 'export', { kind: 'follow-up', day: null, format: 'csv', rows: 1, source: 'app' }],
      ['command line', 'export', { kind: 'issues', day: null, format: 'csv', rows: 2, source: 'cli' }],
    ]);
    const logged = (await get('/api/exports/log')).json().exports;
    expect(logged).toHaveLength(exports.length);
    const [fromCli] = await entries(app, jo);
    expect(fromCli!.actor).toEqual({ deviceId: null, name: 'command line' });
    expect(describeAuditEntry(fromCli!)).toBe(
      'command line exported every issue of the whole event as CSV (2 rows), on the command line.',
    );

    // The whole table, read raw: staff names, yes; attendees, never.
    const raw = JSON.stringify(await app.storage.db.selectFrom('audit_log').selectAll().execute());
    expect(raw).toContain('Jo');
    for (const personal of ['Robin', 'robin@example.org', '1234 5678', 'Kai Nightowl', '470 12 34 56', 'Charged twice']) {
      expect(raw).not.toContain(personal);
    }
  }, 60_000);

  it('only organizers read the audit log', async () => {
    const app = await start();
    const jo = await joinAs(app, 'organizer', 'Jo');
    const alex = await joinAs(app, 'coordinator', 'Alex');
    const sam = await joinAs(app, 'staff', 'Sam');
    expect((await readAudit(app, alex)).statusCode).toBe(403);
    expect((await readAudit(app, sam)).statusCode).toBe(403);
    expect((await readAudit(app, sam)).json().error.kind).toBe('forbidden');
    expect((await app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
    expect((await readAudit(app, jo)).statusCode).toBe(200);
  });

  it('entries come newest first, a page at a time, and only from the organizer’s own event', async () => {
    const app = await start();
    await setUpEvent(app, 'other-festival');
    const jo = await joinAs(app, 'organizer', 'Jo');
    for (const name of ['A', 'B', 'C', 'D']) await joinAs(app, 'staff', name);
    await joinAs(app, 'staff', 'Elsewhere', 'other-festival');
    const names: string[] = [];
    let query = '?limit=2';
    const pages: number[] = [];
    for (;;) {
      const page = (await readAudit(app, jo, query)).json();
      pages.push(page.entries.length);
      names.push(...page.entries.map((e: AuditEntry) => e.actor.name));
      if (!page.next) break;
      query = `?limit=2&before=${page.next}`;
    }
    expect(names).toEqual(['D', 'C', 'B', 'A', 'Jo']);
    expect(pages).toEqual([2, 2, 1]);
    // The default page, and mistakes named.
    expect((await readAudit(app, jo)).json().entries).toHaveLength(5);
    const unknown = await readAudit(app, jo, `?before=${newUuid()}`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/no audit entry/);
    expect((await readAudit(app, jo, '?limit=0')).statusCode).toBe(400);
  });

  it('entries are only ever added: the database refuses to change or remove one', async () => {
    const app = await start();
    await joinAs(app, 'organizer', 'Jo');
    const db = app.storage.db;
    await expect(sql`update audit_log set actor_name = ${'Someone else'}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    const rows = await db.selectFrom('audit_log').select('actor_name').execute();
    expect(rows).toEqual([{ actor_name: 'Jo' }]);
  });

  it('retention runs, erasures and access exports are recorded with a sentence an organizer reads', async () => {
    const app = await start();
    const jo = await joinAs(app, 'organizer', 'Jo');
    const at = new Date().toISOString();
    const db = app.storage.db;
    await recordAudit(db, { eventId: 'festival', at, actor: serverActor, action: 'retention-run', detail: { issues: 12 } });
    await recordAudit(db, {
      eventId: 'festival',
      at,
      actor: { deviceId: jo.id, name: 'Jo' },
      action: 'erasure',
      detail: { issues: 3 },
    });
    await db.transaction().execute((trx) =>
      recordAudit(trx, {
        eventId: 'festival',
        at,
        actor: { deviceId: jo.id, name: 'Jo' },
        action: 'access-export',
        detail: { issues: 1 },
      }),
    );
    const newest = (await entries(app, jo)).slice(0, 3);
    expect(newest.map(describeAuditEntry)).toEqual([
      'Jo exported what is held about one attendee, on request (1 issue).',
      'Jo erased an attendee’s personal data on request (3 issues).',
      'server removed attendees’ personal data after the retention period (12 issues).',
    ]);
  });
});

describe.each(backends)('the audit command line on %s', (backend) => {
  it('prints the log newest first as sentences or JSON, and names a wrong event', async () => {
    server = await startTestServer({ backend });
    await setUpEvent(server.app);
    await joinAs(server.app, 'organizer', 'Jo');
    await joinAs(server.app, 'staff', 'Sam');
    const dir = mkdtempSync(join(tmpdir(), 'helptent-audit-cli-'));
    try {
      const script = 'src/server/cli/audit-cli.ts';
      const [text, json, wrong, badLimit] = await Promise.all([
        runCli(script, ['--event', 'festival'], server.storage, dir),
        runCli(script, ['--event', 'festival', '--limit', '1', '--json'], server.storage, dir),
        runCli(script, ['--event', 'no-such-festival'], server.storage, dir),
        runCli(script, ['--event', 'festival', '--limit', 'many'], server.storage, dir),
      ]);
      expect(text).toMatchObject({ code: 0, stderr: '' });
      const lines = text.stdout.trim().split('\n');
      expect(lines[0]).toBe('Audit log of "Festival" (festival), newest first:');
      expect(lines.slice(1).map((l) => l.replace(/^\S+ {2}/, ''))).toEqual(['Sam joined as staff.', 'Jo joined as organizer.']);
      expect(json.code).toBe(0);
      const page = JSON.parse(json.stdout);
      expect(page.entries).toEqual([
        expect.objectContaining({ action: 'join', actor: expect.objectContaining({ name: 'Sam' }) }),
      ]);
      expect(page.next).toBe(page.entries[0].id);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(/^There is no event "no-such-festival" in /);
      expect(badLimit.code).toBe(2);
      expect(badLimit.stderr).toMatch(/--limit must be a whole number from 1 to 500, not "many"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
