import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { runAlertClock } from '../../src/server/alerts/alert-clock';
import { buildApp } from '../../src/server/app';
import { alertsOf } from './alert-helpers';
import { backends, startTestServer, type TestServer } from './helpers';
import { createArgs, joinAs, mutation, push, setUpEvent } from './sync-helpers';

let server: TestServer | undefined;
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await server?.close();
  server = undefined;
});

describe.each(backends)('issues stored before alerts existed, on %s', (backend) => {
  it('get their "overdue with no owner" time when the server upgrades, and the alert clock then alerts about them', async () => {
    server = await startTestServer({ backend });
    await setUpEvent(server.app);
    const first = server.app;
    const sam = await joinAs(first, 'staff', 'Sam');
    const alex = await joinAs(first, 'coordinator', 'Alex');
    const waiting = createArgs('Refund machine ate my card', { category: 'cashless', severity: 'high' });
    const owned = createArgs('Lost tent peg', { category: 'camping' });
    const answer = await push(first, sam, [
      mutation(sam, 'createIssue', waiting),
      mutation(sam, 'createIssue', owned),
      mutation(sam, 'assignOwner', { issueId: owned.id, owner: { id: 'staff-Sam', name: 'Sam' } }),
    ]);
    expect(answer.json().refused, answer.body).toEqual([]);
    // As a server from before 0008 left them: no due time, and the backfill not yet run.
    await sql`update issues set unowned_due_at = null`.execute(first.storage.db);
    await sql`delete from kysely_migration where name = '0009_unowned_due_backfill'`.execute(first.storage.db);
    // Nor the later ones: migrations run in order.
    await sql`alter table alerts drop column said`.execute(first.storage.db);
    await sql`delete from kysely_migration where name = '0010_alert_phrases'`.execute(first.storage.db);
    await sql`alter table rejections drop column said`.execute(first.storage.db);
    await sql`delete from kysely_migration where name = '0011_refusal_phrases'`.execute(first.storage.db);
    await first.close();

    const upgraded = await buildApp({ storage: server.storage, staticDir: null, checkAnswers: true });
    closers.push(() => upgraded.close());
    const due = await upgraded.storage.db.selectFrom('issues').select(['id', 'unowned_due_at']).execute();
    const dueOf = new Map(due.map((row) => [row.id, row.unowned_due_at]));
    // Logged at 20:00 on a festival day with a 30-minute target for "high": due just after 20:30.
    expect(dueOf.get(waiting.id)).toMatch(/^2026-07-10T20:30:0\d\.001Z$/);
    expect(dueOf.get(owned.id)).toBeNull();
    const { raised } = await runAlertClock(upgraded.storage, new Date());
    expect(raised.map((a) => [a.row.kind, a.issue.id])).toEqual([['overdue-unowned', waiting.id]]);
    expect((await alertsOf(upgraded, alex)).map((a) => a.kind)).toEqual(['overdue-unowned']);
  }, 30_000);
});
