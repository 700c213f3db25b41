import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/domain/csv';
import { defaultEvent } from '../../../src/domain/event';
import { exportFileName, exportTable, followUpColumns, issueColumns, issueExportRow } from '../../../src/domain/export-rows';
import type { Issue } from '../../../src/domain/issue';
import { applyMutation } from '../../../src/domain/mutators';
import { uuidV7 } from '../../../src/domain/uuid-v7';

const event = { ...defaultEvent('dijkdrift-2026', 'Europe/Amsterdam') };
const actor = { id: 'staff-sam', name: 'Sam', role: 'staff' as const };
let n = 0;

function issue(summary: string, at: string, extra: Record<string, unknown> = {}, followUp = false): Issue {
  n += 1;
  const id = uuidV7(Date.parse(at), new Uint8Array(10).fill(n));
  let result = applyMutation(
    undefined,
    'createIssue',
    { id, eventId: event.id, category: 'cashless', summary, ...extra },
    {
      now: at,
      actor,
      mutationUuid: `m${n}a`,
    },
  );
  if (followUp) {
    result = applyMutation(
      result,
      'setFollowUp',
      { issueId: id, needed: true, reason: 'refund', channel: 'email' },
      {
        now: at,
        actor,
        mutationUuid: `m${n}b`,
      },
    );
  }
  return result;
}

const consented = issue(
  'Charged twice',
  '2026-07-10T20:00:00Z',
  { attendee: { name: 'Robin Example', email: 'robin@example.org' }, consentGiven: true },
  true,
);
const refused = issue(
  'Refund wanted',
  '2026-07-10T21:00:00Z',
  { attendee: { name: 'Kim Private', email: 'kim@example.org' }, consentGiven: false },
  true,
);
const night = issue('=HYPERLINK("http://evil.example","click")', '2026-07-10T23:30:00Z'); // 01:30 Saturday → Friday
const saturday = issue('Line, with "quotes"\nand a new line', '2026-07-11T12:00:00Z', { tags: ['+1', '@desk'] });
const all = [saturday, night, refused, consented];

describe('exports', () => {
  it('lists every issue of the day, oldest first, counting 01:30 Saturday as Friday', () => {
    const table = exportTable(all, event, { kind: 'issues', day: '2026-07-10' });
    expect(table.rows.map((r) => r.id)).toEqual([consented.id, refused.id, night.id]);
    expect(exportTable(all, event, { kind: 'issues', day: null }).rows).toHaveLength(4);
    expect(Object.keys(table.rows[0]!)).toEqual([...issueColumns]);
  });

  it('never puts an attendee who did not consent in the follow-up list, nor their contact anywhere', () => {
    const followUp = exportTable(all, event, { kind: 'follow-up', day: null });
    expect(followUp.rows.map((r) => r.attendee_name)).toEqual(['Robin Example']);
    expect(Object.keys(followUp.rows[0]!)).toEqual([...followUpColumns]);
    const everything = toCsv(exportTable(all, event, { kind: 'issues', day: null })) + toCsv(followUp);
    expect(everything).not.toContain('Kim Private');
    expect(everything).not.toContain('kim@example.org');
    expect(issueExportRow(refused, event)).toMatchObject({ consent: false, attendee_name: '', attendee_email: '' });
  });

  it('writes RFC 4180 CSV with a BOM and CRLF that parses back to the same cells', () => {
    const table = exportTable(all, event, { kind: 'issues', day: null });
    const csv = toCsv(table);
    expect(csv.startsWith('\uFEFFid,festival_day,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(table.rows.length + 2);
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual([...issueColumns]);
    const summaries = parsed.data.slice(1).map((row) => row[issueColumns.indexOf('summary')]);
    expect(summaries).toContain('Line, with "quotes"\nand a new line');
  });

  it('neutralises formula injection in text cells, and leaves numbers alone', () => {
    const csv = toCsv(exportTable(all, event, { kind: 'issues', day: null }));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain(`"'+1, @desk"`);
    for (const dangerous of ['=', '+', '-', '@', '\t', '\r']) {
      const cell = toCsv({ columns: ['a', 'n'], rows: [{ a: `${dangerous}cmd|' /C calc'!A0`, n: -5 }] }).split('\r\n')[1]!;
      expect(cell.startsWith(`"'${dangerous}`), JSON.stringify(dangerous)).toBe(true);
      expect(cell.endsWith(',-5')).toBe(true);
    }
  });

  it('neutralises a formula that runs over several lines too', () => {
    // Papa Parse's own check (/^[=+\-@\t\r].*$/) misses a cell with a line break after the formula.
    for (const breakAfter of ['\n', '\r\n', '\r', '\u2028', '\u2029']) {
      const formula = `=HYPERLINK("https://evil.example","click")${breakAfter}Lost phone`;
      const csv = toCsv({ columns: ['a'], rows: [{ a: formula }] });
      const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' });
      expect(parsed.data[1]![0], JSON.stringify(breakAfter)).toBe(`'${formula}`);
    }
  });

  it('names files helptent-<event>-<day>-<kind>', () => {
    expect(exportFileName(event, { kind: 'follow-up', day: '2026-07-10' }, 'csv')).toBe(
      'helptent-dijkdrift-2026-2026-07-10-follow-up.csv',
    );
    expect(exportFileName(event, { kind: 'issues', day: null }, 'json')).toBe('helptent-dijkdrift-2026-all-days-issues.json');
  });

  it('an empty day still has its header row', () => {
    expect(toCsv(exportTable([], event, { kind: 'follow-up', day: '2026-07-12' }))).toBe(
      `\uFEFF${followUpColumns.join(',')}\r\n`,
    );
  });
});
