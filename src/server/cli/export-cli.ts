import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../domain/app-error';
import type { ExportKind } from '../../domain/export-rows';
import { loadConfig, type StorageConfig } from '../config';
import { type ExportFormat, exportDaySchema, exportFormatSchema, exportKindSchema } from '../exports/export-request';
import { type ExportFile, runExport } from '../exports/run-export';
import { openStorage } from '../storage/storage';

const usage = `Usage: npm run export -- --event <id> --kind issues|follow-up [--day 2026-07-10] [--format csv|json] [--out FILE]

Writes an organizer's export of the server's data, exactly as GET /api/exports/:kind serves it,
and records it in the event's export log (who: "command line").

  --event ID      the event id (as printed by npm run create-event)
  --kind KIND     issues (every issue) or follow-up (consenting attendees still to reach)
  --day DAY       one festival day (nights count for the day before); default: the whole event
  --format F      csv (default; opens in spreadsheets) or json
  --out FILE      where to write it; default: the export's own file name in this folder
  --help          show this text
Uses DATABASE_URL like the server (default sqlite:data/helptent.sqlite).`;

function fail(message: string, withUsage = true): never {
  console.error(withUsage ? `${message}\n\n${usage}` : message);
  process.exit(2);
}

interface ExportOptions {
  eventId: string;
  kind: ExportKind;
  day: string | null;
  format: ExportFormat;
  out: string | null;
}

function parseOptions(argv: string[]): ExportOptions {
  let values: { event?: string; kind?: string; day?: string; format?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        event: { type: 'string' },
        kind: { type: 'string' },
        day: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    // node:util's messages name the flag ("Unknown option '--dya'"), which is what a person needs.
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const eventId = values.event?.trim() ?? '';
  if (!eventId) fail('--event is required.');
  if (values.kind === undefined) fail('--kind is required: issues or follow-up.');
  const kind = exportKindSchema.safeParse(values.kind);
  if (!kind.success) fail(`--kind must be issues or follow-up, not "${values.kind}".`);
  const day = values.day === undefined ? null : exportDaySchema.safeParse(values.day);
  if (day && !day.success) fail(`--day must be a festival day like 2026-07-10, not "${values.day}".`);
  const format = exportFormatSchema.safeParse(values.format ?? 'csv');
  if (!format.success) fail(`--format must be csv or json, not "${values.format}".`);
  if (values.out !== undefined && values.out.trim() === '') fail('--out needs a file name.');
  return { eventId, kind: kind.data, day: day?.data ?? null, format: format.data, out: values.out ?? null };
}

/** Names the database without its password, for messages. */
function describeStorage(storage: StorageConfig): string {
  return storage.kind === 'sqlite' ? `the SQLite database ${storage.file}` : 'the PostgreSQL database in DATABASE_URL';
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const config = loadConfig(process.env, process.cwd());
  const storage = await openStorage(config.storage);
  let file: ExportFile | null = null;
  try {
    file = await runExport(storage, {
      eventId: options.eventId,
      kind: options.kind,
      day: options.day,
      format: options.format,
      who: 'command line',
      deviceId: null,
      source: 'cli',
      now: new Date(),
    });
  } catch (error) {
    if (!(error instanceof AppError && error.kind === 'not-found')) throw error;
  } finally {
    await storage.close();
  }
  if (!file) fail(`There is no event "${options.eventId}" in ${describeStorage(config.storage)}.`, false);
  const path = resolve(process.cwd(), options.out ?? file.fileName);
  mkdirSync(dirname(path), { recursive: true });
  // Exports carry attendees' contact details: readable by this user only.
  writeFileSync(path, file.body, { mode: 0o600 });
  chmodSync(path, 0o600);
  console.log(`Wrote ${file.rows} ${file.rows === 1 ? 'row' : 'rows'} to ${path} (recorded in the export log).`);
}

main().catch((error: unknown) => {
  console.error(`Could not complete the export: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
