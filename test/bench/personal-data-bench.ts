import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Issue } from '../../src/domain/issue';
import { withheldFromStaff } from '../../src/domain/personal-data';
import { createEvent } from '../../src/server/events/event-admin';
import { findAttendee } from '../../src/server/personal-data/attendee-search';
import { eraseAttendeeEverywhere } from '../../src/server/personal-data/erasure';
import { runRetention } from '../../src/server/personal-data/retention';
import { insertIssues } from '../../src/server/repositories/issue-repository';
import { openStorage } from '../../src/server/storage/storage';
import { demoEvent, generateDemoFestival } from '../../tools/demo/demo-festival';
import { type BenchRow, round } from './result';

const issueCount = 20_000;

function fileBytes(file: string): number {
  let total = 0;
  for (const f of [file, `${file}-wal`]) {
    try {
      total += statSync(f).size;
    } catch {
      // no log file
    }
  }
  return total;
}

/** Milliseconds of CPU per issue to copy an issue as a coordinator's pull does (parse, write) and as a staff pull does (parse, mask, write). */
function pullCopyCost(issues: Issue[]): { plain: number; masked: number } {
  const texts = issues.map((issue) => JSON.stringify(issue));
  const time = (copy: (issue: Issue) => Issue) => {
    const started = performance.now();
    for (const text of texts) JSON.stringify(copy(JSON.parse(text) as Issue));
    return performance.now() - started;
  };
  time((issue) => issue);
  time(withheldFromStaff);
  return { plain: time((issue) => issue), masked: time(withheldFromStaff) };
}

/**
 * What the organizer's personal-data operations cost on a festival of 20,000 issues in SQLite:
 * finding one attendee, erasing them (rewrite, WAL emptied), the retention run (with VACUUM), the
 * file's size before and after; and what masking costs a staff phone's pull, against the
 * coordinator's plain copy measured in the same run.
 */
export async function benchPersonalData(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'helptent-bench-pd-'));
  const file = join(dir, 'pd.sqlite');
  const storage = await openStorage({ kind: 'sqlite', file });
  try {
    const event = { ...demoEvent(), retentionDays: 30 };
    await createEvent(storage, event, new Date());
    const festival = generateDemoFestival({ seed: 2026, issueCount });
    await insertIssues(
      storage.db,
      festival.issues.map((issue, i) => ({
        id: issue.id,
        event_id: event.id,
        change_seq: i + 1,
        reported_by_device: null,
        data: JSON.stringify({ ...issue, eventId: event.id }),
        field_versions: '{}',
      })),
    );
    await storage.db.updateTable('events').set({ last_change_seq: issueCount }).where('id', '=', event.id).execute();
    // As on a server that has been running: SQLite has moved what was written into the file.
    await sql`pragma wal_checkpoint(truncate)`.execute(storage.db);
    const rows: BenchRow[] = [];
    const copy = pullCopyCost(festival.issues);
    rows.push(
      { name: `staff pull copy of ${issueCount / 1000}k issues, contact masked`, value: round(copy.masked, 0), unit: 'ms' },
      { name: `coordinator pull copy of ${issueCount / 1000}k issues (baseline)`, value: round(copy.plain, 0), unit: 'ms' },
      { name: 'staff pull masking ratio to the plain copy', value: round(copy.masked / copy.plain), unit: 'x' },
    );

    const someone = festival.issues.find((issue) => issue.attendee.email !== '')!;
    let started = performance.now();
    const found = await findAttendee(storage, event.id, someone.attendee.email);
    rows.push({
      name: `find one attendee by email in ${issueCount / 1000}k issues`,
      value: round(performance.now() - started, 0),
      unit: 'ms',
    });
    started = performance.now();
    await eraseAttendeeEverywhere(storage, {
      eventId: event.id,
      query: someone.attendee.email,
      issueIds: found.matches.filter((m) => m.relation === 'attendee').map((m) => m.issueId),
      by: { id: 'bench', name: 'bench' },
      actor: { deviceId: null, name: 'bench' },
      now: new Date(),
    });
    rows.push({
      name: `erase one attendee in ${issueCount / 1000}k issues, log emptied`,
      value: round(performance.now() - started, 0),
      unit: 'ms',
    });
    const beforeRetention = fileBytes(file);
    started = performance.now();
    const run = await runRetention(storage, event.id, new Date('2026-12-31T00:00:00Z'));
    rows.push(
      {
        name: `retention run over ${issueCount / 1000}k issues, vacuum included`,
        value: round(performance.now() - started, 0),
        unit: 'ms',
      },
      { name: 'issues the retention run changed', value: run?.issuesChanged ?? 0, unit: 'issues' },
      { name: 'database file and log before the retention run', value: round(beforeRetention / 1024 / 1024, 1), unit: 'MB' },
      { name: 'database file and log after the retention run', value: round(fileBytes(file) / 1024 / 1024, 1), unit: 'MB' },
    );
    return rows;
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
