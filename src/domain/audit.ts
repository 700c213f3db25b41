import * as z from 'zod/mini';
import { alertKinds, alertRulesOf } from './alert-rules';
import type { FestivalEvent } from './event';
import { severities } from './issue';
import { lazySchema } from './lazy-schema';
import { retentionDaysOf } from './personal-data';
import { sameValue } from './same-value';

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

export const auditDetailSchema = lazySchema(() =>
  z
    .record(z.string().check(z.maxLength(40)), z.union([z.string().check(z.maxLength(200)), z.number(), z.boolean(), z.null()]))
    .check(z.refine((detail) => Object.keys(detail).length <= maxDetailKeys, `at most ${maxDetailKeys} details`)),
);

export const auditEntrySchema = lazySchema(() =>
  z.object({
    id: z.string(),
    eventId: z.string(),
    at: z.string(),
    actor: z.object({ deviceId: z.nullable(z.string()), name: z.string() }),
    action: z.enum(auditActions),
    detail: auditDetailSchema,
  }),
);

/** Most entries a page of the audit log holds. */
export const maxAuditPage = 500;

const settingNames: Record<string, string> = {
  name: 'festival name',
  timezone: 'timezone',
  dayStartsAt: 'day start',
  language: 'festival language',
  responseTargets: 'response targets',
};

/**
 * What a settings change changed, as the audit log keeps it: the names of the fields, and for
 * zones how many were added, renamed and removed. Values stay out (the festival's own settings
 * are no personal data, but the log says *that*, the event's change list says *what*).
 */
export function settingsChangeDetail(before: FestivalEvent, after: FestivalEvent): AuditDetail {
  const changed: string[] = [];
  for (const key of ['name', 'timezone', 'dayStartsAt', 'language'] as const)
    if (before[key] !== after[key]) changed.push(settingNames[key]!);
  if (severities.some((s) => before.responseTargets[s] !== after.responseTargets[s])) changed.push(settingNames.responseTargets!);
  if (retentionDaysOf(before) !== retentionDaysOf(after)) changed.push('retention period');
  const rulesBefore = alertRulesOf(before);
  const rulesAfter = alertRulesOf(after);
  const alertKindsChanged = alertKinds.filter((kind) => !sameValue(rulesBefore[kind], rulesAfter[kind]));
  const detail: AuditDetail = {};
  if (alertKindsChanged.length > 0) {
    changed.push('alert rules');
    detail.alertRules = alertKindsChanged.join(', ');
  }
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
