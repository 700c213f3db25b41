import { describe, expect, it } from 'vitest';
import { queueRowOf } from '../../../src/db/queue-row';
import { defaultEvent } from '../../../src/domain/event';
import { exportTable } from '../../../src/domain/export-rows';
import { awaitsFollowUp } from '../../../src/domain/follow-up';
import type { Issue } from '../../../src/domain/issue';
import { applyMutation, type MutationContext } from '../../../src/domain/mutators';
import { eraseAttendee, purgePersonalData, termsOfQuery, withheldFromStaff } from '../../../src/domain/personal-data';
import { summarizeDay } from '../../../src/domain/summary/day-summary';
import { uuidV7 } from '../../../src/domain/uuid-v7';

const event = defaultEvent('dijkdrift-2026', 'Europe/Amsterdam');
const day = '2026-07-11';
const at = '2026-07-11T12:00:00.000Z';
const organizer = { id: 'olga', name: 'Olga', role: 'organizer' as const };
let n = 0;
const ctx = (): MutationContext => {
  n += 1;
  return { now: at, actor: organizer, mutationUuid: `m-${n}` };
};
const step = (issue: Issue, name: string, args: Record<string, unknown>): Issue =>
  applyMutation(issue, name as never, { issueId: issue.id, ...args } as never, ctx());

function logged(extra: Record<string, unknown> = {}): Issue {
  n += 1;
  const id = uuidV7(Date.parse(at), new Uint8Array(10).fill(n));
  return applyMutation(
    undefined,
    'createIssue',
    {
      id,
      eventId: event.id,
      category: 'cashless',
      summary: `Refund ${n}`,
      attendee: { name: 'Robin Vermeer', email: `robin${n}@example.org`, phone: '+31 6 1234 5678' },
      ...extra,
    },
    ctx(),
  );
}
const wanted = (issue: Issue) => step(issue, 'setFollowUp', { needed: true, reason: 'refund' });
const stamp = () => ({ entryId: `e-${++n}`, at, by: { id: 'olga', name: 'Olga' } });

/** One of each way a follow-up can be wanted, or not, or no longer. */
function cases() {
  const consented = () => wanted(logged({ consentGiven: true }));
  // The status "follow-up" marks a follow-up needed, consent or not (phones have always done so).
  const resolved = (issue: Issue) => step(issue, 'setStatus', { status: 'resolved', resolution: 'Refund promised' });
  const byStatus = step(resolved(logged()), 'setStatus', { status: 'follow_up' });
  let done = consented();
  for (const outreach of ['sent', 'replied', 'done']) done = step(done, 'setOutreach', { outreach });
  const erased = consented();
  return {
    consented: consented(),
    consentedAndSent: step(consented(), 'setOutreach', { outreach: 'sent' }),
    withoutConsent: wanted(logged()),
    statusFollowUpWithoutConsent: byStatus,
    statusFollowUpWithConsent: step(resolved(logged({ consentGiven: true })), 'setStatus', { status: 'follow_up' }),
    consentWithdrawn: step(consented(), 'updateFields', { fields: { consentGiven: false } }),
    done,
    notWanted: logged({ consentGiven: true }),
    voided: step(consented(), 'voidIssue', { reason: 'Logged twice' }),
    erased: eraseAttendee(erased, termsOfQuery(erased.attendee.email), stamp())!,
    pastRetention: purgePersonalData(consented(), stamp())!,
  };
}

describe('a follow-up', () => {
  it('awaits only with consent, not done, not voided and with the attendee’s personal data still held', () => {
    const all = cases();
    const awaiting = Object.entries(all)
      .filter(([, issue]) => awaitsFollowUp(issue))
      .map(([name]) => name);
    expect(awaiting.sort()).toEqual(['consented', 'consentedAndSent', 'statusFollowUpWithConsent']);
    // Retention keeps consent for the organizer's figures; the attendee is gone all the same.
    expect(all.pastRetention.consent.given).toBe(true);
  });

  it('is counted the same by the summary, the queue filter, the follow-up list and the export', () => {
    const issues = Object.values(cases());
    const expected = issues
      .filter(awaitsFollowUp)
      .map((issue) => issue.id)
      .sort();
    const summary = summarizeDay(issues, event, day, new Date('2026-07-11T20:00:00.000Z')).followUps;
    expect(summary.count).toBe(expected.length);
    expect(summary.items.map((item) => item.issueId).sort()).toEqual(expected);
    const rows = issues.map((issue) => queueRowOf(issue, event)).filter((row) => row.needsFollowUp && row.day === day);
    expect(rows.map((row) => row.id).sort()).toEqual(expected);
    expect(
      exportTable(issues, event, { kind: 'follow-up', day })
        .rows.map((row) => row.id)
        .sort(),
    ).toEqual(expected);
    expect(exportTable(issues, event, { kind: 'follow-up', day: null }).rows).toHaveLength(expected.length);
  });

  it('still replays from old phones without consent (the mutator accepts it; it is just not counted)', () => {
    const issue = wanted(logged());
    expect(issue.followUp.needed).toBe(true);
    expect(awaitsFollowUp(issue)).toBe(false);
    // Recording consent later brings it into every count at once.
    expect(awaitsFollowUp(step(issue, 'updateFields', { fields: { consentGiven: true } }))).toBe(true);
  });

  it('counts on a staff phone’s withheld copy as on the coordinators’ (consent is not a contact detail)', () => {
    const issue = wanted(logged({ consentGiven: true }));
    expect(awaitsFollowUp(withheldFromStaff(issue))).toBe(true);
  });
});
