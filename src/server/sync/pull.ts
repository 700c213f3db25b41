import type { FestivalEvent } from '../../domain/event';
import type { Issue } from '../../domain/issue';
import { canReadContactDetails } from '../../domain/staff';
import type { AuthenticatedDevice } from '../auth/authenticate';
import type { Storage } from '../storage/storage';

export interface PulledIssue {
  issue: Issue;
  /** Server change sequence of this version: the base for the device's next changes. */
  version: number;
}

/** The shape of the JSON a pull answers with. */
export interface PullResult {
  event: FestivalEvent;
  /** Read before the page: the page holds at least these of the device's changes. */
  lastMutationId: number;
  issues: PulledIssue[];
  cursor: number;
  hasMore: boolean;
}

const noContact = { name: '', email: '', phone: '', ticketId: '', preferredChannel: null };

/**
 * How stale the device's "last pulled / last seen" may be. Coordinators read it to the minute
 * ("quiet for 12 min"); writing it on every poll was most of a pull's cost (a disk-synced write
 * per read on SQLite), so it is written at most this often per device.
 */
export const pullStampIntervalMs = 30_000;

/**
 * Changes after the cursor, in change order, one page at a time, as the JSON text of a
 * PullResult. Attendee contact details are personal data: a staff device receives them only on
 * issues it logged itself.
 *
 * Stored issues and the event config are JSON this server wrote with JSON.stringify, so they are
 * placed into the answer as they are; parsing and re-serialising 5,000 issues of a catching-up
 * phone was most of the server's work for a page. Only issues that lose their contact details
 * are parsed.
 */
export async function pullChanges(
  storage: Storage,
  device: AuthenticatedDevice,
  cursor: number,
  limit: number,
  now: Date,
): Promise<string> {
  const fresh = await storage.db
    .selectFrom('devices')
    .select('last_mutation_id')
    .where('id', '=', device.id)
    .executeTakeFirstOrThrow();
  const eventRow = await storage.db
    .selectFrom('events')
    .select('config')
    .where('id', '=', device.event_id)
    .executeTakeFirstOrThrow();
  const rows = await storage.db
    .selectFrom('issues')
    .select(['data', 'change_seq', 'reported_by_device'])
    .where('event_id', '=', device.event_id)
    .where('change_seq', '>', cursor)
    .orderBy('change_seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const mayReadContact = canReadContactDetails(device.role);
  const issues = page.map((row) => {
    const visible =
      mayReadContact || row.reported_by_device === device.id
        ? row.data
        : JSON.stringify({ ...(JSON.parse(row.data) as Issue), attendee: noContact });
    return `{"issue":${visible},"version":${Number(row.change_seq)}}`;
  });
  const stampAge = now.getTime() - (device.last_pulled_at ? Date.parse(device.last_pulled_at) : Number.NaN);
  if (!(stampAge >= 0 && stampAge < pullStampIntervalMs)) {
    const at = now.toISOString();
    await storage.db.updateTable('devices').set({ last_pulled_at: at, last_seen_at: at }).where('id', '=', device.id).execute();
  }
  const next = Number(page.at(-1)?.change_seq ?? cursor);
  return `{"event":${eventRow.config},"lastMutationId":${Number(fresh.last_mutation_id)},"issues":[${issues.join(',')}],"cursor":${next},"hasMore":${rows.length > limit}}`;
}
