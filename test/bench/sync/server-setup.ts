import pg from 'pg';
import type { FestivalEvent } from '../../../src/domain/event';
import { parseDatabaseUrl } from '../../../src/server/config';
import { createEvent, createJoinCode } from '../../../src/server/events/event-admin';
import { joinWithCode } from '../../../src/server/events/join';
import { openStorage, type Storage } from '../../../src/server/storage/storage';
import { demoEvent } from '../../../tools/demo/demo-festival';
import { appHeaders } from './workload';

export interface JoinedDevice {
  deviceId: string;
  token: string;
  staffName: string;
}

/** The server's database, opened from the bench process the way the event CLI opens it. */
export function openServerStorage(databaseUrl: string): Promise<Storage> {
  return openStorage(parseDatabaseUrl(databaseUrl, process.cwd()));
}

/**
 * The demo festival as the bench's server and phones hold it. Its days are fixed in the past:
 * attendee data is kept for ten years, so no retention purge (server or phone) runs in a bench.
 */
export function benchEvent(): FestivalEvent {
  return { ...demoEvent(), retentionDays: 3650 };
}

/** Creates the demo festival's event with the CLI's function; the demo issues belong to it. */
export async function createBenchEvent(storage: Storage): Promise<string> {
  const event = benchEvent();
  await createEvent(storage, event, new Date());
  return event.id;
}

/**
 * `count` devices joined with one join code, through the function POST /api/join runs (the route
 * itself allows 10 joins a minute per address, which is right for phones and wrong for a bench).
 */
export async function joinDevices(
  storage: Storage,
  eventId: string,
  role: 'staff' | 'coordinator',
  count: number,
  namePrefix: string,
): Promise<JoinedDevice[]> {
  const now = new Date();
  const { code } = await createJoinCode(storage, { eventId, role, singleUse: false, validMinutes: 120, createdBy: null, now });
  const devices: JoinedDevice[] = [];
  for (let i = 0; i < count; i += 1) {
    const staffName = `${namePrefix} ${i + 1}`;
    const joined = await joinWithCode(storage, {
      code,
      deviceId: crypto.randomUUID(),
      staffId: `${namePrefix.toLowerCase().replace(/\W+/g, '-')}-${i + 1}`,
      staffName,
      presentedToken: null,
      userAgent: 'helptent-bench',
      now,
    });
    devices.push({ deviceId: joined.device.id, token: joined.token, staffName });
  }
  return devices;
}

/** One push through the real endpoint; fails loudly when anything is not applied. */
export async function postPush(origin: string, token: string, body: string, expectLastId: number): Promise<void> {
  const response = await fetch(`${origin}/api/sync/push`, {
    method: 'POST',
    headers: { ...appHeaders(token), 'content-type': 'application/json' },
    body,
  });
  const answer = (await response.json()) as { lastMutationId?: number; refused?: unknown[]; error?: { message?: string } };
  if (!response.ok) throw new Error(`push answered ${response.status}: ${answer.error?.message ?? ''}`);
  if (answer.lastMutationId !== expectLastId || (answer.refused?.length ?? 0) > 0) {
    throw new Error(`push applied up to ${answer.lastMutationId} (expected ${expectLastId}), ${answer.refused?.length} refused`);
  }
}

export interface PostgresSchema {
  /** TEST_DATABASE_URL with this schema as search_path. */
  url: string;
  drop(): Promise<void>;
}

/** A fresh schema on the PostgreSQL of TEST_DATABASE_URL (as the server tests do), dropped afterwards. */
export async function freshPostgresSchema(baseUrl: string): Promise<PostgresSchema> {
  const schema = `bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const separator = baseUrl.includes('?') ? '&' : '?';
  return {
    url: `${baseUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
}
