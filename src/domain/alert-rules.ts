import type { Role } from './staff';

export const alertKinds = ['urgent', 'lost-person', 'medical-welfare', 'public-risk', 'overdue-unowned', 'handover'] as const;
export type AlertKind = (typeof alertKinds)[number];

export const alertKindLabels: Record<AlertKind, string> = {
  urgent: 'Urgent issue',
  'lost-person': 'Lost person',
  'medical-welfare': 'Medical or welfare',
  'public-risk': 'Public risk',
  'overdue-unowned': 'Waiting too long, no owner',
  handover: 'Handed over to you',
};

export interface AlertRule {
  enabled: boolean;
  /** The lowest role alerted (coordinators and organizers on duty are alerted at "coordinator"). */
  to: Role;
  /** Unanswered this long, the alert goes to everyone on duty of the next role up. */
  escalateAfterMinutes: number;
}

/** Defaults that work out of the box: a lost person goes to every phone on duty. */
export const defaultAlertRules: Record<AlertKind, AlertRule> = {
  urgent: { enabled: true, to: 'coordinator', escalateAfterMinutes: 3 },
  'lost-person': { enabled: true, to: 'staff', escalateAfterMinutes: 2 },
  'medical-welfare': { enabled: true, to: 'coordinator', escalateAfterMinutes: 3 },
  'public-risk': { enabled: true, to: 'coordinator', escalateAfterMinutes: 5 },
  'overdue-unowned': { enabled: true, to: 'coordinator', escalateAfterMinutes: 10 },
  handover: { enabled: true, to: 'staff', escalateAfterMinutes: 5 },
};

/** The rules in force: the event's tuned kinds over the defaults (an event nobody tuned has none). */
export function alertRulesOf(event: { alertRules?: Partial<Record<AlertKind, AlertRule>> }): Record<AlertKind, AlertRule> {
  return { ...defaultAlertRules, ...(event.alertRules ?? {}) };
}
