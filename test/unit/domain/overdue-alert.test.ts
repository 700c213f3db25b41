import { describe, expect, it } from 'vitest';
import { defaultEvent } from '../../../src/domain/event';
import type { Issue } from '../../../src/domain/issue';
import { applyMutation } from '../../../src/domain/mutators';
import { isOverdueUnowned, overdueUnownedAt } from '../../../src/domain/overdue-alert';
import { uuidV7 } from '../../../src/domain/uuid-v7';

const event = defaultEvent('festival', 'Europe/Amsterdam');
const sam = { id: 'staff-sam', name: 'Sam', role: 'staff' as const };
let n = 0;
const ctx = (now: string) => ({ now, actor: sam, mutationUuid: `m-${++n}` });
const logged = (severity: Issue['severity'], at: string) =>
  applyMutation(
    undefined,
    'createIssue',
    {
      id: uuidV7(Date.parse(at), new Uint8Array(10).fill(++n)),
      eventId: 'festival',
      category: 'other',
      summary: 'Waiting',
      severity,
    },
    ctx(at),
  );

describe('waiting too long with no owner', () => {
  it('is due just past the severity target, and then overdue', () => {
    const issue = logged('high', '2026-07-10T20:00:00.000Z');
    const due = overdueUnownedAt(issue, event)!;
    expect(due).toBe('2026-07-10T20:30:00.001Z');
    expect(isOverdueUnowned(issue, event, new Date('2026-07-10T20:30:00.000Z'))).toBe(false);
    expect(isOverdueUnowned(issue, event, new Date(due))).toBe(true);
  });

  it('for a same-day target, is due when the festival day ends (06:00 local), across a DST change too', () => {
    expect(overdueUnownedAt(logged('low', '2026-07-10T21:00:00.000Z'), event)).toBe('2026-07-11T04:00:00.000Z');
    // Clocks go back on 25 October 2026 in Amsterdam: that festival day ends at 06:00 CET.
    expect(overdueUnownedAt(logged('low', '2026-10-24T12:00:00.000Z'), event)).toBe('2026-10-25T05:00:00.000Z');
  });

  it('never for an issue someone owns, answered, or finished', () => {
    const issue = logged('urgent', '2026-07-10T20:00:00.000Z');
    const owned = applyMutation(
      issue,
      'assignOwner',
      { issueId: issue.id, owner: { id: 'staff-kim', name: 'Kim' } },
      ctx('2026-07-10T20:01:00.000Z'),
    );
    const closed = applyMutation(
      issue,
      'setStatus',
      { issueId: issue.id, status: 'closed', resolution: 'Done' },
      ctx('2026-07-10T20:02:00.000Z'),
    );
    for (const finished of [owned, closed]) {
      expect(overdueUnownedAt(finished, event)).toBeNull();
      expect(isOverdueUnowned(finished, event, new Date('2026-07-11T20:00:00.000Z'))).toBe(false);
    }
  });
});
