import { describe, expect, it } from 'vitest';
import { alertRulesOf, defaultAlertRules } from '../../../src/domain/alert-rules';
import { settingsChangeDetail } from '../../../src/domain/audit';
import { defaultEvent, type FestivalEvent } from '../../../src/domain/event';
import { applyEventMutation, type EventMutationContext } from '../../../src/domain/event-mutations';
import { festivalEventSchema } from '../../../src/domain/event-schema';
import type { Role } from '../../../src/domain/staff';
import { refusal } from './refusal';

let n = 0;
const ctx = (role: Role = 'coordinator'): EventMutationContext => ({
  now: '2026-07-10T12:00:00.000Z',
  actor: { id: `staff-${role}`, name: role === 'staff' ? 'Sam' : 'Alex', role },
  mutationUuid: `m-${++n}`,
  issuesInZone: () => 0,
});
const event = defaultEvent('festival', 'Europe/Amsterdam');
const tune = (alertRules: unknown, on: FestivalEvent = event, role?: Role) =>
  applyEventMutation(on, 'changeEventSettings', { alertRules }, ctx(role));

describe('tuning which alerts go to whom', () => {
  it('an event nobody tuned follows the defaults', () => {
    expect(alertRulesOf(event)).toEqual(defaultAlertRules);
  });

  it('a coordinator turns urgent alerts off and sends public risk to staff too: only those kinds change, with who did what', () => {
    const tuned = tune({
      urgent: { ...defaultAlertRules.urgent, enabled: false },
      'public-risk': { enabled: true, to: 'staff', escalateAfterMinutes: 7 },
    });
    expect(alertRulesOf(tuned)).toEqual({
      ...defaultAlertRules,
      urgent: { enabled: false, to: 'coordinator', escalateAfterMinutes: 3 },
      'public-risk': { enabled: true, to: 'staff', escalateAfterMinutes: 7 },
    });
    expect(tuned.changes?.at(-1)).toMatchObject({
      by: { name: 'Alex' },
      text: 'Festival settings: alerts: Urgent issue off, Public risk to staff and coordinators first, up after 7 min',
    });
    expect(settingsChangeDetail(event, tuned)).toEqual({ fields: 'alert rules', alertRules: 'urgent, public-risk' });
  });

  it('stores only what differs from the defaults: a kind set back to its default follows the defaults again', () => {
    const tuned = tune({ urgent: { ...defaultAlertRules.urgent, escalateAfterMinutes: 8 } });
    expect(tuned.alertRules).toEqual({ urgent: { enabled: true, to: 'coordinator', escalateAfterMinutes: 8 } });
    const back = tune({ urgent: defaultAlertRules.urgent }, tuned);
    expect(back.alertRules).toBeUndefined();
    expect(back.changes?.at(-1)?.text).toBe('Festival settings: alerts: Urgent issue up after 3 min');
    // The same rules again change nothing and say nothing.
    expect(tune({ urgent: defaultAlertRules.urgent }, back)).toBe(back);
  });

  it.each([
    ['an unknown kind', { urgnet: defaultAlertRules.urgent }, /urgnet/],
    ['a role that does not exist', { urgent: { ...defaultAlertRules.urgent, to: 'everyone' } }, /alertRules\.urgent\.to/],
    ['zero minutes', { urgent: { ...defaultAlertRules.urgent, escalateAfterMinutes: 0 } }, /at least 1 minute/],
    ['more than an hour', { urgent: { ...defaultAlertRules.urgent, escalateAfterMinutes: 61 } }, /at most 60 minutes/],
    ['half minutes', { urgent: { ...defaultAlertRules.urgent, escalateAfterMinutes: 2.5 } }, /whole minutes/],
    ['a rule missing a field', { urgent: { enabled: false } }, /alertRules\.urgent\.to/],
    ['a field of no rule', { urgent: { ...defaultAlertRules.urgent, sound: 'loud' } }, /sound/],
  ])('%s is refused with a sentence naming it', (_, rules, message) => {
    const error = refusal(() => tune(rules));
    expect(error.kind).toBe('invalid');
    expect(error.message).toMatch(message);
  });

  it('staff cannot change the rules, whatever their phone says', () => {
    const error = refusal(() => tune({ urgent: { ...defaultAlertRules.urgent, enabled: false } }, event, 'staff'));
    expect(error.kind).toBe('forbidden');
    expect(error.message).toBe('Only coordinators and organizers can change which alerts go to whom.');
  });

  it('phones receive the rules with the event, and an app that does not know a newer kind still reads the event', () => {
    const tuned = tune({ handover: { enabled: false, to: 'staff', escalateAfterMinutes: 5 } });
    const parsed = festivalEventSchema.parse(JSON.parse(JSON.stringify(tuned)));
    expect(parsed.alertRules).toEqual({ handover: { enabled: false, to: 'staff', escalateAfterMinutes: 5 } });
    const newer = {
      ...tuned,
      alertRules: { ...tuned.alertRules, 'fire-alarm': { enabled: true, to: 'staff', escalateAfterMinutes: 1 } },
    };
    expect(festivalEventSchema.safeParse(newer).success).toBe(true);
  });
});
