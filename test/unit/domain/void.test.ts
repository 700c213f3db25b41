import { describe, expect, it } from 'vitest';
import { queueRowOf } from '../../../src/db/queue-row';
import { defaultEvent, type FestivalEvent } from '../../../src/domain/event';
import { exportTable } from '../../../src/domain/export-rows';
import type { Issue } from '../../../src/domain/issue';
import { applyMutation } from '../../../src/domain/mutators';
import { isWaitingTooLong } from '../../../src/domain/response-targets';
import type { Actor } from '../../../src/domain/staff';
import { summarizeDay } from '../../../src/domain/summary/day-summary';

const event: FestivalEvent = { ...defaultEvent('fest', 'Europe/Amsterdam'), days: ['2026-07-10'] };
const jo: Actor = { id: 'jo', name: 'Jo', role: 'organizer' };
const alex: Actor = { id: 'alex', name: 'Alex', role: 'coordinator' };
let n = 0;
const ctx = (actor: Actor, now = '2026-07-10T12:00:00.000Z') => ({ now, actor, mutationUuid: `m-${++n}` });

function logged(summary: string): Issue {
  const id = `0190f0f0-0000-7000-8000-${String(++n).padStart(12, '0')}`;
  const issue = applyMutation(
    undefined,
    'createIssue',
    {
      id,
      eventId: 'fest',
      category: 'lost-property',
      summary,
      severity: 'urgent',
      consentGiven: true,
      attendee: { email: 'a@example.org' },
    },
    ctx(alex),
  );
  return applyMutation(issue, 'setFollowUp', { issueId: id, needed: true, reason: 'apology' }, ctx(alex));
}

describe('voiding an issue, the repair of last resort', () => {
  it('only an organizer voids; the reason is on the timeline; nothing changes it afterwards', () => {
    const issue = logged('Test issue, please ignore');
    expect(() => applyMutation(issue, 'voidIssue', { issueId: issue.id, reason: 'A test' }, ctx(alex))).toThrow(
      /Only an organizer/,
    );
    const voided = applyMutation(issue, 'voidIssue', { issueId: issue.id, reason: 'A test' }, ctx(jo));
    expect(voided.voided).toEqual({ at: '2026-07-10T12:00:00.000Z', by: { id: 'jo', name: 'Jo' }, reason: 'A test' });
    expect(voided.timeline.at(-1)).toMatchObject({ kind: 'status', by: { name: 'Jo' }, note: 'A test' });
    expect(() => applyMutation(voided, 'addNote', { issueId: issue.id, text: 'More' }, ctx(alex))).toThrow(
      /Jo voided this issue \(A test\); it takes no more changes/,
    );
    expect(applyMutation(voided, 'voidIssue', { issueId: issue.id, reason: 'Again' }, ctx(jo))).toBe(voided);
  });

  it('a voided issue counts nowhere: summary, follow-ups, queue, response targets; the issues export marks it', () => {
    const kept = logged('Lost wallet');
    const test = logged('Test issue');
    const voided = applyMutation(test, 'voidIssue', { issueId: test.id, reason: 'A test' }, ctx(jo));
    const now = new Date('2026-07-10T20:00:00Z');
    const summary = summarizeDay([kept, voided], event, '2026-07-10', now);
    expect(summary.totals.logged).toBe(1);
    expect(exportTable([kept, voided], event, { kind: 'follow-up', day: null }).rows.map((r) => r.id)).toEqual([kept.id]);
    const all = exportTable([kept, voided], event, { kind: 'issues', day: null }).rows;
    expect(all.map((r) => r.voided)).toEqual(['', 'Jo: A test']);
    const row = queueRowOf(voided, event);
    expect(row).toMatchObject({ status: 'closed', voided: true, needsFollowUp: false });
    expect(isWaitingTooLong(voided, event, now)).toBe(false);
    expect(isWaitingTooLong(kept, event, now)).toBe(true);
  });
});
