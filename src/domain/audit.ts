import * as z from 'zod/mini';
import type { FestivalEvent } from './event';
import { severities } from './issue';

/**
 * The append-only audit log: who did what to the event's people, settings and attendee data, and
 * when by the server's clock. It holds no attendee data: actors are staff (or "command line",
 * "server"), and each entry's `detail` says what changed (which fields, how many rows, which
 * role), never whose contact details.
 */

export const auditActions = [
  /** A device joined the event (again with the same role: `again: true`). */
  'join',
  /** A device joined again with a code of another role. */
  'role-change',
  /** An organizer signed a device out. */
  'sign-out',
  /** An organizer let a signed-out device back in. */
  'let-back-in',
  /** Festival settings or zones changed (a synced `changeEventSettings` or `setZones`). */
  'settings-change',
  /** Attendee data left the system: an API, command-line or app-reported export. */
  'export',
  /** Attendee personal data was removed after the retention period. */
  'retention-run',
  /** One attendee was erased on request. */
  'erasure',
  /** Everything held about one attendee was exported on request. */
  'access-export',
] as const;
export type AuditAction = (typeof auditActions)[number];

export type AuditDetailValue = string | number | boolean | null;
/** A few facts about the action; never an attendee's name, email, phone or words. */
export type AuditDetail = Record<string, AuditDetailValue>;

/** Who acted: a device and the staff name it joined with, or the server box (deviceId null). */
export interface AuditActor {
  deviceId: string | null;
  name: string;
}

/** Actor names of what no device did. */
export const commandLineActor: AuditActor = { deviceId: null, name: 'command line' };
export const serverActor: AuditActor = { deviceId: null, name: 'server' };

export interface AuditEntry {
  id: string;
  eventId: string;
  /** Server clock, ISO 8601. */
  at: string;
  actor: AuditActor;
  action: AuditAction;
  detail: AuditDetail;
}

const maxDetailKeys = 20;

export const auditDetailSchema = z
  .record(z.string().check(z.maxLength(40)), z.union([z.string().check(z.maxLength(200)), z.number(), z.boolean(), z.null()]))
  .check(z.refine((detail) => Object.keys(detail).length <= maxDetailKeys, `at most ${maxDetailKeys} details`));

export const auditEntrySchema = z.object({
  id: z.string(),
  eventId: z.string(),
  at: z.string(),
  actor: z.object({ deviceId: z.nullable(z.string()), name: z.string() }),
  action: z.enum(auditActions),
  detail: auditDetailSchema,
});

/** Most entries a page of the audit log holds. */
export const maxAuditPage = 500;

function text(detail: AuditDetail, key: string): string | null {
  const value = detail[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

function count(detail: AuditDetail, key: string): number | null {
  const value = detail[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

const exportKindNames: Record<string, string> = { issues: 'every issue', 'follow-up': 'the follow-up list' };
const exportSourceNames: Record<string, string> = {
  api: 'from the server',
  cli: 'on the command line',
  app: 'from the data on their phone',
};

/** "the follow-up list of 2026-07-10 as CSV (3 rows), from the server" */
function describeExport(detail: AuditDetail): string {
  const kind = text(detail, 'kind');
  const day = text(detail, 'day');
  const format = text(detail, 'format');
  const rows = count(detail, 'rows');
  const source = text(detail, 'source');
  const what = (kind && exportKindNames[kind]) ?? (kind ? `the ${kind} export` : 'an export');
  const facts = [day ? `of ${day}` : 'of the whole event', format ? `as ${format.toUpperCase()}` : null]
    .filter((f) => f !== null)
    .join(' ');
  const rowsText = rows === null ? '' : ` (${plural(rows, 'row', 'rows')})`;
  const where = source && exportSourceNames[source] ? `, ${exportSourceNames[source]}` : '';
  return `exported ${what} ${facts}${rowsText}${where}`;
}

/** The issues an action changed, when the detail says. */
function issuesPart(detail: AuditDetail, key = 'issues'): string {
  const issues = count(detail, key);
  return issues === null ? '' : ` (${plural(issues, 'issue', 'issues')})`;
}

/** One readable sentence per entry, for the app and the command line. Total over any detail. */
export function describeAuditEntry(entry: Pick<AuditEntry, 'actor' | 'action' | 'detail'>): string {
  const who = entry.actor.name || 'Someone';
  const d = entry.detail;
  const target = text(d, 'staffName') ?? 'a device';
  switch (entry.action) {
    case 'join': {
      const role = text(d, 'role');
      return `${who} ${d.again === true ? 'joined again' : 'joined'}${role ? ` as ${role}` : ''}.`;
    }
    case 'role-change': {
      const from = text(d, 'from');
      const to = text(d, 'to');
      return `${who} joined again with another role${to ? `: now ${to}` : ''}${from ? ` (was ${from})` : ''}.`;
    }
    case 'sign-out':
      return `${who} signed out ${target === 'a device' ? target : `${target}’s device`}.`;
    case 'let-back-in':
      return `${who} let ${target === 'a device' ? target : `${target}’s device`} back in.`;
    case 'settings-change': {
      const fields = text(d, 'fields');
      return `${who} changed the festival settings${fields ? `: ${fields}` : ''}.`;
    }
    case 'export':
      return `${who} ${describeExport(d)}.`;
    case 'retention-run':
      return `${who} removed attendees’ personal data after the retention period${issuesPart(d)}.`;
    case 'erasure':
      return `${who} erased an attendee’s personal data on request${issuesPart(d)}.`;
    case 'access-export':
      return `${who} exported what is held about one attendee, on request${issuesPart(d)}.`;
    default:
      return `${who}: ${String(entry.action)}.`;
  }
}

const settingNames: Record<string, string> = {
  name: 'festival name',
  timezone: 'timezone',
  dayStartsAt: 'day start',
  responseTargets: 'response targets',
};

/**
 * What a settings change changed, as the audit log keeps it: the names of the fields, and for
 * zones how many were added, renamed and removed. Values stay out (the festival's own settings
 * are no personal data, but the log says *that*, the event's change list says *what*).
 */
export function settingsChangeDetail(before: FestivalEvent, after: FestivalEvent): AuditDetail {
  const changed: string[] = [];
  for (const key of ['name', 'timezone', 'dayStartsAt'] as const)
    if (before[key] !== after[key]) changed.push(settingNames[key]!);
  if (severities.some((s) => before.responseTargets[s] !== after.responseTargets[s])) changed.push(settingNames.responseTargets!);
  const detail: AuditDetail = {};
  const beforeZones = new Map(before.zones.map((zone) => [zone.id, zone.name]));
  const afterIds = new Set(after.zones.map((zone) => zone.id));
  const added = after.zones.filter((zone) => !beforeZones.has(zone.id)).length;
  const renamed = after.zones.filter((zone) => beforeZones.has(zone.id) && beforeZones.get(zone.id) !== zone.name).length;
  const removed = before.zones.filter((zone) => !afterIds.has(zone.id)).length;
  const reordered = added + renamed + removed === 0 && before.zones.some((zone, i) => after.zones[i]?.id !== zone.id);
  if (added + renamed + removed > 0 || reordered) {
    const parts = [
      added ? `${added} added` : '',
      renamed ? `${renamed} renamed` : '',
      removed ? `${removed} removed` : '',
      reordered ? 'reordered' : '',
    ].filter(Boolean);
    changed.push(`zones (${parts.join(', ')})`);
    Object.assign(detail, { zonesAdded: added, zonesRenamed: renamed, zonesRemoved: removed });
  }
  return { fields: changed.join(', '), ...detail };
}
