import { parseArgs } from 'node:util';
import { AppError } from '../../domain/app-error';
import { maxAuditPage } from '../../domain/audit';
import { describeAuditEntry } from '../../domain/audit-sentence';
import { loadConfig, type StorageConfig } from '../config';
import { readServerEvent } from '../events/event-admin';
import { readAuditLog } from '../repositories/audit-repository';
import { openStorage } from '../storage/storage';

const usage = `Usage: npm run audit -- --event <id> [--limit 50] [--before ENTRY-ID] [--json]

Prints the event's audit log, newest first: joins, role changes, sign-outs, let-back-ins,
settings changes, exports, retention runs, erasures and access exports, with who and when
(server clock, UTC).

  --event ID        the event id (as printed by npm run create-event)
  --limit N         how many entries, 1 to ${maxAuditPage} (default 50)
  --before ID       only entries older than this one (the id printed to page on)
  --json            one JSON document { entries, next } instead of lines of text
  --help            show this text
Uses DATABASE_URL like the server (default sqlite:data/helptent.sqlite).`;

function fail(message: string, withUsage = true): never {
  console.error(withUsage ? `${message}\n\n${usage}` : message);
  process.exit(2);
}

interface AuditOptions {
  eventId: string;
  limit: number;
  before: string | null;
  json: boolean;
}

function parseOptions(argv: string[]): AuditOptions {
  let values: { event?: string; limit?: string; before?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        event: { type: 'string' },
        limit: { type: 'string' },
        before: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const eventId = values.event?.trim() ?? '';
  if (!eventId) fail('--event is required.');
  const limit = Number(values.limit ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxAuditPage) {
    fail(`--limit must be a whole number from 1 to ${maxAuditPage}, not "${values.limit}".`);
  }
  if (values.before !== undefined && values.before.trim() === '') fail('--before needs an entry id.');
  return { eventId, limit, before: values.before?.trim() ?? null, json: values.json ?? false };
}

/** Names the database without its password, for messages. */
function describeStorage(storage: StorageConfig): string {
  return storage.kind === 'sqlite' ? `the SQLite database ${storage.file}` : 'the PostgreSQL database in DATABASE_URL';
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const config = loadConfig(process.env, process.cwd());
  const storage = await openStorage(config.storage);
  try {
    const event = await readServerEvent(storage, options.eventId);
    const page = await readAuditLog(storage.db, event.id, { limit: options.limit, before: options.before });
    if (options.json) {
      console.log(JSON.stringify(page, null, 2));
      return;
    }
    console.log(`Audit log of "${event.name}" (${event.id}), newest first:`);
    if (page.entries.length === 0) console.log('  (no entries)');
    for (const entry of page.entries) console.log(`${entry.at}  ${describeAuditEntry(entry)}`);
    if (page.next) console.log(`Older entries: npm run audit -- --event ${event.id} --before ${page.next}`);
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not-found') {
      fail(`There is no event "${options.eventId}" in ${describeStorage(config.storage)}.`, false);
    }
    if (error instanceof AppError) fail(error.message, false);
    throw error;
  } finally {
    await storage.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Could not read the audit log: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
