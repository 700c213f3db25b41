import { chmodSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { commandLineActor } from '../../domain/audit';
import { loadConfig } from '../config';
import { readServerEvent } from '../events/event-admin';
import { runAccessExport } from '../personal-data/access-export';
import { findAttendee } from '../personal-data/attendee-search';
import { eraseAttendeeEverywhere } from '../personal-data/erasure';
import { runDueRetention, runRetention } from '../personal-data/retention';
import { openStorage, type Storage } from '../storage/storage';

const usage = `Usage:
  npm run attendee -- find   --event <id> --query <email, phone or name>
  npm run attendee -- erase  --event <id> --query <…> [--issue <id>]… [--yes]
  npm run attendee -- access --event <id> --query <…> [--issue <id>]… [--format json|html] [--out FILE]
  npm run attendee -- retention [--event <id>] [--now 2026-09-01T00:00:00Z]

One attendee's personal data on the server box, as organizers handle it in the app:
  find       lists the issues whose attendee may be this person, and those that mention them
  erase      erases them from every issue (contact fields and every mention in free text);
             without --yes it only shows what it would erase. Phones receive the erased copies
             at their next sync.
  access     writes everything held about them (a subject access request), JSON or a page
  retention  removes every attendee's personal data of events whose retention period has ended
             (the server also does this by itself every hour)

  --issue ID   the issues whose attendee is this person (repeat it); default: every issue
               "find" lists as theirs
  --out FILE   default: helptent-<event>-subject-access.<format> in this folder (readable by you only)
Uses DATABASE_URL like the server (default sqlite:data/helptent.sqlite).`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

const cliRunner = { id: 'command-line', name: 'command line' };

function options(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        event: { type: 'string' },
        query: { type: 'string' },
        issue: { type: 'string', multiple: true },
        yes: { type: 'boolean' },
        format: { type: 'string' },
        out: { type: 'string' },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

async function chosenIssues(storage: Storage, eventId: string, query: string, given: string[] | undefined) {
  const found = await findAttendee(storage, eventId, query);
  const theirs = found.matches.filter((m) => m.relation === 'attendee').map((m) => m.issueId);
  return { found, issueIds: given && given.length > 0 ? given : theirs };
}

async function run(storage: Storage, command: string, values: ReturnType<typeof options>['values']): Promise<void> {
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) fail(`--now must be a time like 2026-09-01T00:00:00Z, not "${values.now}".`);
  if (command === 'retention') {
    const runs = values.event
      ? [await runRetention(storage, values.event, now, cliRunner)].filter((r) => r !== null)
      : await runDueRetention(storage, now);
    if (runs.length === 0) console.log('No event is past its retention period with personal data left.');
    for (const r of runs) console.log(`${r.eventId}: attendee personal data removed from ${r.issuesChanged} issues.`);
    return;
  }
  const eventId = values.event?.trim();
  const query = values.query?.trim();
  if (!eventId) fail('--event is required.');
  if (!query || query.length < 2) fail('--query is required (at least 2 characters): an email, a phone number or a name.');
  await readServerEvent(storage, eventId);
  const { found, issueIds } = await chosenIssues(storage, eventId, query, values.issue);
  if (command === 'find' || (command === 'erase' && !values.yes)) {
    if (found.matches.length === 0) console.log('No issue records or mentions this person.');
    for (const m of found.matches) {
      const who = [m.attendee.name, m.attendee.email, m.attendee.phone].filter(Boolean).join(', ') || 'no contact details';
      console.log(
        `${m.issueId}  ${m.createdAt.slice(0, 16)}  ${m.relation === 'attendee' ? `attendee: ${who}` : 'mentions them'}  ${m.summary.slice(0, 60)}`,
      );
    }
    if (command === 'erase')
      console.log(`\nWould erase the attendee of ${issueIds.length} issues and their mentions anywhere. Add --yes to erase.`);
    return;
  }
  if (command === 'erase') {
    const result = await eraseAttendeeEverywhere(storage, {
      eventId,
      query,
      issueIds,
      by: cliRunner,
      actor: commandLineActor,
      now,
    });
    console.log(`Erased: ${result.issuesChanged} issues changed. Phones receive the erased copies at their next sync.`);
    return;
  }
  if (command === 'access') {
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'html') fail(`--format must be json or html, not "${format}".`);
    const { doc, fileName, body } = await runAccessExport(storage, {
      eventId,
      query,
      issueIds,
      format,
      actor: commandLineActor,
      now,
    });
    const path = resolve(process.cwd(), values.out ?? fileName);
    writeFileSync(path, body, { mode: 0o600 });
    chmodSync(path, 0o600);
    console.log(`Wrote what is held about them (${doc.issues.length} issues, ${doc.mentions.length} mentions) to ${path}.`);
    return;
  }
  fail(`Unknown command "${command}".`);
}

async function main(): Promise<void> {
  const { values, positionals } = options(process.argv.slice(2));
  if (values.help || positionals.length === 0) {
    console.log(usage);
    process.exit(values.help ? 0 : 2);
  }
  const storage = await openStorage(loadConfig(process.env, process.cwd()).storage);
  try {
    await run(storage, positionals[0]!, values);
  } finally {
    await storage.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
