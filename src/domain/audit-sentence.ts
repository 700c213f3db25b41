import { type AuditActor, type AuditDetail, type AuditEntry, commandLineActor, serverActor } from './audit';
import { code, type Phrase, type PhraseValue, say } from './phrase';
import { phraseText } from './phrase-text';

/*
 * Apart from audit.ts so that the sentences travel only with the screens and the command line
 * that show them, not with the sync code that shares the wire schema. The log stores facts
 * (action, detail); each entry is said when shown: in English on the command line, in the
 * person's language in the app.
 */

function text(detail: AuditDetail, key: string): string | null {
  const value = detail[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

function count(detail: AuditDetail, key: string): number | null {
  const value = detail[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The server box's own actors are words of the app; people are named as they joined. */
function whoOf(actor: AuditActor): PhraseValue {
  if (actor.deviceId === null && actor.name === commandLineActor.name) return say('command line');
  if (actor.deviceId === null && actor.name === serverActor.name) return say('server');
  return actor.name || say('Someone');
}

function exportKind(kind: string | null): Phrase {
  if (kind === 'issues') return say('every issue');
  if (kind === 'follow-up') return say('the follow-up list');
  return kind ? say('the {kind} export', { kind }) : say('an export');
}

/** "the follow-up list of 2026-07-10 as CSV (3 rows), from the server" */
function describeExport(detail: AuditDetail): Phrase {
  const day = text(detail, 'day');
  const format = text(detail, 'format');
  const rows = count(detail, 'rows');
  const source = text(detail, 'source');
  const what = exportKind(text(detail, 'kind'));
  let said = day ? say('{export} of {day}', { export: what, day }) : say('{export} of the whole event', { export: what });
  if (format) said = say('{export} as {format}', { export: said, format: format.toUpperCase() });
  if (rows !== null)
    said = rows === 1 ? say('{export} (1 row)', { export: said }) : say('{export} ({rows} rows)', { export: said, rows });
  if (source === 'api') said = say('{export}, from the server', { export: said });
  if (source === 'cli') said = say('{export}, on the command line', { export: said });
  if (source === 'app') said = say('{export}, from the data on their phone', { export: said });
  return said;
}

/** The issues an action changed, when the detail says. */
function issuesOf(detail: AuditDetail, key = 'issues'): Phrase | null {
  const issues = count(detail, key);
  if (issues === null) return null;
  return issues === 1 ? say('1 issue') : say('{count} issues', { count: issues });
}

const settingNames: Record<string, Phrase> = {
  'festival name': say('festival name'),
  timezone: say('timezone'),
  'day start': say('day start'),
  'response targets': say('response targets'),
  'retention period': say('retention period'),
  'alert rules': say('alert rules'),
};

/**
 * The settings a change touched, from the English list the log keeps ("festival name, zones (1
 * added)"): known names said in the reader's language, the zones from their counts, anything else
 * as it was stored.
 */
function settingsOf(detail: AuditDetail, fields: string): (string | Phrase)[] {
  return fields.split(/, (?![^()]*\))/).map((name): string | Phrase => {
    if (Object.hasOwn(settingNames, name)) return settingNames[name]!;
    if (!name.startsWith('zones (')) return name;
    const changes: Phrase[] = [];
    const added = count(detail, 'zonesAdded');
    const renamed = count(detail, 'zonesRenamed');
    const removed = count(detail, 'zonesRemoved');
    if (added) changes.push(say('{count} added', { count: added }));
    if (renamed) changes.push(say('{count} renamed', { count: renamed }));
    if (removed) changes.push(say('{count} removed', { count: removed }));
    if (changes.length === 0) changes.push(say('reordered'));
    return say('zones ({changes})', { changes });
  });
}

/** One sentence per entry, for the app and the command line. Total over any detail. */
export function auditPhrase(entry: Pick<AuditEntry, 'actor' | 'action' | 'detail'>): Phrase {
  const who = whoOf(entry.actor);
  const d = entry.detail;
  const name = text(d, 'staffName');
  switch (entry.action) {
    case 'join': {
      const role = text(d, 'role');
      const again = d.again === true;
      if (role) {
        const as = code('role', role);
        return again
          ? say('{who} joined again as {role}.', { who, role: as })
          : say('{who} joined as {role}.', { who, role: as });
      }
      return again ? say('{who} joined again.', { who }) : say('{who} joined.', { who });
    }
    case 'role-change': {
      const from = text(d, 'from');
      const to = text(d, 'to');
      if (from && to) {
        return say('{who} joined again with another role: now {to} (was {from}).', {
          who,
          to: code('role', to),
          from: code('role', from),
        });
      }
      if (to) return say('{who} joined again with another role: now {to}.', { who, to: code('role', to) });
      if (from) return say('{who} joined again with another role (was {from}).', { who, from: code('role', from) });
      return say('{who} joined again with another role.', { who });
    }
    case 'sign-out':
      return name ? say('{who} signed out {name}’s device.', { who, name }) : say('{who} signed out a device.', { who });
    case 'let-back-in':
      return name ? say('{who} let {name}’s device back in.', { who, name }) : say('{who} let a device back in.', { who });
    case 'settings-change': {
      const fields = text(d, 'fields');
      return fields
        ? say('{who} changed the festival settings: {fields}.', { who, fields: settingsOf(d, fields) })
        : say('{who} changed the festival settings.', { who });
    }
    case 'export':
      return say('{who} exported {export}.', { who, export: describeExport(d) });
    case 'retention-run': {
      const issues = issuesOf(d);
      return issues
        ? say('{who} removed attendees’ personal data after the retention period ({issues}).', { who, issues })
        : say('{who} removed attendees’ personal data after the retention period.', { who });
    }
    case 'erasure': {
      const issues = issuesOf(d);
      return issues
        ? say('{who} erased an attendee’s personal data on request ({issues}).', { who, issues })
        : say('{who} erased an attendee’s personal data on request.', { who });
    }
    case 'access-export': {
      const issues = issuesOf(d);
      return issues
        ? say('{who} exported what is held about one attendee, on request ({issues}).', { who, issues })
        : say('{who} exported what is held about one attendee, on request.', { who });
    }
    default:
      return say('{who}: {action}.', { who, action: String(entry.action) });
  }
}

/** The entry in English: the command line's words, and what tests read. */
export function describeAuditEntry(entry: Pick<AuditEntry, 'actor' | 'action' | 'detail'>): string {
  return phraseText(auditPhrase(entry));
}
