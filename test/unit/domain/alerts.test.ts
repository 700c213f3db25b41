import { describe, expect, it } from 'vitest';
import { alertsRaisedBy, alertText, nextRoleUp } from '../../../src/domain/alerts';
import { defaultEvent } from '../../../src/domain/event';
import type { Issue } from '../../../src/domain/issue';
import { applyMutation, type MutationContext } from '../../../src/domain/mutators';
import type { Actor } from '../../../src/domain/staff';
import { uuidV7 } from '../../../src/domain/uuid-v7';

const sam: Actor = { id: 'staff-sam', name: 'Sam', role: 'staff' };
const alex: Actor = { id: 'staff-alex', name: 'Alex', role: 'coordinator' };
let n = 0;
const ctx = (actor: Actor = sam): MutationContext => ({
  now: new Date(Date.UTC(2026, 6, 10, 12, n)).toISOString(),
  actor,
  mutationUuid: `m-${++n}`,
});
const event = defaultEvent('festival', 'Europe/Amsterdam');
const id = uuidV7(Date.UTC(2026, 6, 10), new Uint8Array(10).fill(3));
const create = (extra: Record<string, unknown>) =>
  applyMutation(
    undefined,
    'createIssue',
    { id, eventId: 'festival', category: 'ticketing', summary: 'Crush at the gate', ...extra },
    ctx(),
  );
const change = (issue: Issue, name: string, args: Record<string, unknown>, actor?: Actor) =>
  applyMutation(issue, name, { issueId: id, ...args }, ctx(actor));

describe('what raises an alert', () => {
  it('a new urgent issue, a lost person and a medical case alert once, not on every later edit', () => {
    const urgent = create({ severity: 'urgent' });
    expect(alertsRaisedBy(undefined, urgent, event)).toEqual([{ kind: 'urgent' }]);
    const edited = change(urgent, 'addNote', { text: 'Security on the way' });
    expect(alertsRaisedBy(urgent, edited, event)).toEqual([]);
    expect(alertsRaisedBy(undefined, create({ category: 'lost-person', severity: 'urgent' }), event)).toEqual([
      { kind: 'lost-person' },
    ]);
    expect(alertsRaisedBy(undefined, create({ category: 'medical-welfare' }), event)).toEqual([{ kind: 'medical-welfare' }]);
    expect(alertsRaisedBy(undefined, create({}), event)).toEqual([]);
  });

  it('an issue raised to urgent later, public risk that was posted, a hand-over to someone', () => {
    const plain = create({});
    const raised = change(plain, 'updateFields', { fields: { severity: 'urgent' } });
    expect(alertsRaisedBy(plain, raised, event)).toEqual([{ kind: 'urgent' }]);
    const posted = change(plain, 'flagPublicRisk', { level: 'posted' });
    expect(alertsRaisedBy(plain, posted, event)).toEqual([{ kind: 'public-risk' }]);
    const threatened = change(plain, 'flagPublicRisk', { level: 'threatens_to_post' });
    expect(alertsRaisedBy(plain, threatened, event)).toEqual([]);
    const handed = change(plain, 'handOver', { to: { id: 'staff-kim', name: 'Kim' }, note: 'Yours' });
    expect(alertsRaisedBy(plain, handed, event)).toEqual([{ kind: 'handover', toPersonId: 'staff-kim' }]);
  });

  it('follows the rules the coordinators tuned, and never for a closed or voided issue', () => {
    const quiet = { ...event, alertRules: { urgent: { enabled: false, to: 'coordinator' as const, escalateAfterMinutes: 3 } } };
    expect(alertsRaisedBy(undefined, create({ severity: 'urgent' }), quiet)).toEqual([]);
    const closed = change(create({}), 'setStatus', { status: 'closed', resolution: 'Done' });
    expect(alertsRaisedBy(undefined, { ...closed, severity: 'urgent' }, event)).toEqual([]);
  });

  it('escalates staff → coordinator → organizer, then no further', () => {
    expect([nextRoleUp('staff'), nextRoleUp('coordinator'), nextRoleUp('organizer')]).toEqual(['coordinator', 'organizer', null]);
  });

  it('says kind, zone and summary in the alert', () => {
    expect(alertText(create({ zoneId: 'main-gate' }), 'urgent', event)).toMatchObject({
      title: 'Urgent issue · Main gate',
      body: 'Crush at the gate',
    });
  });
});

describe("I'm on it", () => {
  const answer = { alertId: 'alert-1', kind: 'urgent', raisedAt: '2026-07-10T11:59:00.000Z' };

  it('the first to answer an unowned issue takes it, the entry naming the alert', () => {
    const taken = change(create({ severity: 'urgent' }), 'acknowledgeAlert', answer, alex);
    expect(taken.owner).toEqual({ id: 'staff-alex', name: 'Alex' });
    expect(taken.status).toBe('in_progress');
    expect(taken.timeline.at(-1)).toMatchObject({
      kind: 'owner',
      text: 'Alex is on it (urgent issue alert) and took ownership',
      alert: { id: 'alert-1', kind: 'urgent', raisedAt: answer.raisedAt },
    });
  });

  it('with an owner already, records the person beside them', () => {
    const owned = change(create({ severity: 'urgent' }), 'assignOwner', { owner: { id: 'staff-sam', name: 'Sam' } });
    const beside = change(owned, 'acknowledgeAlert', answer, alex);
    expect(beside.owner?.name).toBe('Sam');
    expect(beside.timeline.at(-1)?.text).toBe('Alex is on it (urgent issue alert), beside Sam');
  });
});

describe('alerts in the day summary', () => {
  it('counts the alerts answered and how long they waited', async () => {
    const { summarizeDay } = await import('../../../src/domain/summary/day-summary');
    const day = { ...event, days: ['2026-07-10'] };
    const urgent = create({ severity: 'urgent' });
    const answered = applyMutation(
      urgent,
      'acknowledgeAlert',
      { issueId: id, alertId: 'a-1', kind: 'urgent', raisedAt: new Date(Date.parse(urgent.createdAt) - 120_000).toISOString() },
      ctx(alex),
    );
    const summary = summarizeDay([answered], day, '2026-07-10', new Date(Date.UTC(2026, 6, 10, 20)));
    expect(summary.alerts.answered).toBe(1);
    expect(summary.alerts.byKind).toEqual({ urgent: 1 });
    expect(summary.alerts.medianMinutesToAnswer).toBeGreaterThanOrEqual(2);
  });
});
