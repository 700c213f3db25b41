import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayWindow, localHourReader } from '../../../src/domain/day-window';
import { defaultEvent, type FestivalEvent } from '../../../src/domain/event';
import { exportTable } from '../../../src/domain/export-rows';
import type { Issue } from '../../../src/domain/issue';
import { applyMutation } from '../../../src/domain/mutators';
import { dayAndHourOf, isCalendarDate } from '../../../src/domain/operational-day';
import { isWaitingTooLong } from '../../../src/domain/response-targets';
import type { Actor } from '../../../src/domain/staff';
import { summarizeDay } from '../../../src/domain/summary/day-summary';
import { pushedMutationSchema } from '../../../src/domain/sync-protocol';
import { instantEnds, schemaInstant } from '../../device-instants';

/** Every time a device can send, and the corners of that range (test/device-instants.ts). */
const anyInstant = fc.oneof(schemaInstant, instantEnds);

const boundary = fc.record({
  timezone: fc.constantFrom(
    'Europe/Amsterdam',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
    'America/St_Johns',
    'Asia/Kathmandu',
    'UTC',
  ),
  dayStartsAt: fc.constantFrom('00:00', '02:30', '06:00', '23:59'),
});

const sam: Actor = { id: 'staff-sam', name: 'Sam', role: 'coordinator' };

/** An issue logged, taken on, noted and resolved at device times anywhere in that range. */
function issueAt(times: string[], n: number, event: FestivalEvent): Issue {
  const [created, taken, noted, resolved, due] = times as [string, string, string, string, string];
  const ctx = (now: string, step: number) => ({ now, actor: sam, mutationUuid: `m-${n}-${step}` });
  const id = `0190f0f0-0000-7000-8000-${String(n).padStart(12, '0')}`;
  let issue = applyMutation(
    undefined,
    'createIssue',
    {
      id,
      eventId: event.id,
      category: 'lost-property',
      summary: 'Lost phone',
      severity: 'urgent',
      moodAtIntake: 'upset',
      consentGiven: true,
      attendee: { name: 'Robin', email: 'r@example.org' },
    },
    ctx(created, 0),
  );
  issue = applyMutation(issue, 'assignOwner', { issueId: id, owner: { id: sam.id, name: sam.name } }, ctx(taken, 1));
  issue = applyMutation(issue, 'addNote', { issueId: id, text: 'Checked the bins' }, ctx(noted, 2));
  issue = applyMutation(
    issue,
    'setStatus',
    { issueId: id, status: 'resolved', resolution: 'Found', moodAtClose: 'satisfied' },
    ctx(resolved, 3),
  );
  return applyMutation(issue, 'setFollowUp', { issueId: id, needed: true, reason: 'other', dueAt: due }, ctx(resolved, 4));
}

describe('every domain function is total over the times a device can send', () => {
  it('the generator makes only instants the push schema accepts', () => {
    fc.assert(
      fc.property(anyInstant, (createdAt) => {
        const parsed = pushedMutationSchema.safeParse({
          mutationId: 1,
          mutationUuid: 'u',
          name: 'addNote',
          args: {},
          createdAt,
          actor: { id: 'a', name: 'A' },
          baseVersion: 0,
        });
        expect(parsed.success, createdAt).toBe(true);
      }),
    );
  });

  it('festival day and hour: a real calendar date and an hour 0–23 for any instant, in any timezone', () => {
    fc.assert(
      fc.property(anyInstant, boundary, (instant, b) => {
        const { day, hour } = dayAndHourOf(instant, b);
        expect(isCalendarDate(day), `${instant} → ${day}`).toBe(true);
        expect(hour).toBeGreaterThanOrEqual(0);
        expect(hour).toBeLessThanOrEqual(23);
        const window = dayWindow(day, b);
        expect(window.endMs).toBeGreaterThan(window.startMs);
        expect(localHourReader(window, b.timezone)(window.startMs)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('exports, the day summary and response targets never throw, whatever the phones’ clocks said', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(anyInstant, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
        anyInstant,
        boundary,
        (timesPerIssue, now, b) => {
          const event: FestivalEvent = { ...defaultEvent('fest', b.timezone), dayStartsAt: b.dayStartsAt, days: ['2026-07-10'] };
          const issues = timesPerIssue.map((times, n) => issueAt(times, n, event));
          for (const kind of ['issues', 'follow-up'] as const) {
            const all = exportTable(issues, event, { kind, day: null });
            expect(all.rows).toHaveLength(issues.length);
          }
          const today = dayAndHourOf(now, b).day;
          const summary = summarizeDay(issues, event, today, new Date(now));
          expect(summary.totals.byHour.length).toBeGreaterThan(0);
          for (const issue of issues) isWaitingTooLong(issue, event, new Date(now));
        },
      ),
      { numRuns: 150 },
    );
  });
});
