import { parseArgs } from 'node:util';
import { AppError } from '../../domain/app-error';
import { defaultEvent } from '../../domain/event';
import { parseClock } from '../../domain/operational-day';
import { type Role, roles } from '../../domain/staff';
import { loadConfig } from '../config';
import { createEvent, createJoinCode, readServerEvent } from '../events/event-admin';
import { openStorage } from '../storage/storage';

const usage = `Usage:
  npm run create-event -- --name "Lowlands 2026" --timezone Europe/Amsterdam [--id lowlands-2026] [--day-start 06:00] [--days 2026-08-21,2026-08-22]
  npm run join-code -- --event lowlands-2026 --role staff|coordinator|organizer [--valid-hours 12]
Uses DATABASE_URL like the server (default sqlite:data/helptent.sqlite).`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  let parsed: ReturnType<typeof parseArgs>['values'];
  try {
    parsed = parseArgs({
      args: rest,
      options: {
        name: { type: 'string' },
        id: { type: 'string' },
        timezone: { type: 'string' },
        'day-start': { type: 'string' },
        days: { type: 'string' },
        event: { type: 'string' },
        role: { type: 'string' },
        'valid-hours': { type: 'string' },
      },
    }).values;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const config = loadConfig(process.env, process.cwd());
  const storage = await openStorage(config.storage);
  const now = new Date();
  try {
    if (command === 'create-event') {
      const name = String(parsed.name ?? '').trim();
      const timezone = String(parsed.timezone ?? '');
      if (!name) fail('--name is required.');
      try {
        new Intl.DateTimeFormat('en', { timeZone: timezone });
      } catch {
        fail(`--timezone "${timezone}" is not an IANA timezone such as Europe/Amsterdam.`);
      }
      const dayStartsAt = String(parsed['day-start'] ?? '06:00');
      try {
        parseClock(dayStartsAt);
      } catch {
        fail('--day-start must be a time like 06:00.');
      }
      const days = String(parsed.days ?? '')
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean);
      if (days.some((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d))) fail('--days must be dates like 2026-08-21,2026-08-22.');
      const id = String(parsed.id ?? slug(name));
      await createEvent(storage, { ...defaultEvent(id, timezone), name, dayStartsAt, days }, now);
      const { code, expiresAt } = await createJoinCode(storage, {
        eventId: id,
        role: 'organizer',
        singleUse: true,
        validMinutes: 24 * 60,
        createdBy: null,
        now,
      });
      console.log(`Created event "${name}" (id ${id}, ${timezone}, days start at ${dayStartsAt}).`);
      console.log(`Organizer join code, valid once until ${expiresAt}: ${code}`);
      console.log('Open Helptent → Settings → "Join your event" and enter it.');
    } else if (command === 'join-code') {
      const eventId = String(parsed.event ?? '');
      const role = String(parsed.role ?? 'staff') as Role;
      if (!roles.includes(role)) fail(`--role must be one of ${roles.join(', ')}.`);
      const hours = Number(parsed['valid-hours'] ?? 12);
      if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 7) fail('--valid-hours must be between 0 and 168.');
      const event = await readServerEvent(storage, eventId);
      const { code, expiresAt } = await createJoinCode(storage, {
        eventId,
        role,
        singleUse: role === 'organizer',
        validMinutes: Math.round(hours * 60),
        createdBy: null,
        now,
      });
      console.log(`Join code (${role}) for "${event.name}", valid until ${expiresAt}: ${code}`);
    } else {
      fail(`Unknown command "${command ?? ''}".`);
    }
  } catch (error) {
    if (error instanceof AppError) fail(error.message);
    throw error;
  } finally {
    await storage.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Could not complete: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
