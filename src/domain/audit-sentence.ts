import type { AuditDetail, AuditEntry } from './audit';

/*
 * Apart from audit.ts so that the sentences travel only with the screens and the command line
 * that show them, not with the sync code that shares the wire schema.
 */

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
