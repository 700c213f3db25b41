import type { AlertKind } from './alert-rules';
import type { Issue } from './issue';
import { mayDeviceSeeIssue } from './issue-visibility';
import { hasRoleAtLeast, type Role, roles } from './staff';

/** Whom an alert is addressed to: the role it was raised to, the role it reached by escalating, a hand-over's person. */
export interface AlertAddress {
  kind: AlertKind;
  /** The lowest role it was raised to (its kind's rule when raised). */
  raisedLevel: Role;
  /** The role it is addressed to now: the raised level, or higher once nobody answered. */
  level: Role;
  /** The person a hand-over names (an `EventPerson.id`, the staff id their phone joined with). */
  toPersonId: string | null;
  escalatedAt: string | null;
}

/** A signed-in phone as the alert engine sees it: who uses it now, their role and duty. */
export interface AlertCandidate {
  /** The staff id the device joined with: the person it belongs to now (a shared phone changes hands by joining again). */
  personId: string;
  role: Role;
  onDuty: boolean;
  signedIn: boolean;
}

/**
 * Who an alert reaches: phones signed in and on duty whose role is at least the level it was
 * raised to (a lost person, raised to staff, reaches every phone on duty). A hand-over reaches
 * only the person it names. Escalating adds the next role up and never takes the alert away from
 * anyone it reached: a lost-person alert nobody answered stays on every staff phone.
 */
export function isAlertRecipient(alert: AlertAddress, candidate: AlertCandidate): boolean {
  if (!candidate.signedIn || !candidate.onDuty) return false;
  if (alert.toPersonId !== null && candidate.personId === alert.toPersonId) return true;
  if (alert.toPersonId === null && hasRoleAtLeast(candidate.role, alert.raisedLevel)) return true;
  return alert.escalatedAt !== null && hasRoleAtLeast(candidate.role, alert.level);
}

/** Whom an escalation notifies again: the recipients it is aimed at (the new level and up, and a hand-over's person). */
export function isEscalationRecipient(alert: AlertAddress, candidate: AlertCandidate): boolean {
  return (
    isAlertRecipient(alert, candidate) &&
    (hasRoleAtLeast(candidate.role, alert.level) || (alert.toPersonId !== null && candidate.personId === alert.toPersonId))
  );
}

/**
 * Whether this phone may be told about this issue at all. Every alert, list and notification
 * asks it, so restricted cases (medical, safeguarding: coordinators and the people assigned
 * only) are filtered in one place: the same rule as pulls and photos (issue-visibility.ts).
 */
export function mayReceiveAlertAbout(candidate: AlertCandidate, issue: Issue): boolean {
  return mayDeviceSeeIssue({ role: candidate.role, deviceId: '', staffId: candidate.personId }, issue);
}

/** "I'm on it" is for the alert's recipients, and for any coordinator or organizer who sees the case. */
export function mayAcknowledgeAlert(alert: AlertAddress, candidate: AlertCandidate): boolean {
  return candidate.signedIn && (isAlertRecipient(alert, candidate) || hasRoleAtLeast(candidate.role, 'coordinator'));
}

/**
 * Where an alert goes when nobody on duty answers to its level: up at once, level by level, to
 * the first one someone on duty answers to (who may see the case), rather than ringing nobody for
 * its escalation minutes. Null when it stays where it is: someone answers to its level, or nobody
 * on duty answers to any level. Then it waits, open, and whoever comes on duty sees it at their
 * next sync; its clock keeps running, and each time it would move up this asks again.
 */
export function escalatedForNobodyOnDuty(
  alert: AlertAddress,
  onDuty: readonly AlertCandidate[],
  mayHear: (candidate: AlertCandidate) => boolean,
  at: string,
): AlertAddress | null {
  const answered = (address: AlertAddress) => onDuty.some((c) => isEscalationRecipient(address, c) && mayHear(c));
  for (let address = alert; ; ) {
    if (answered(address)) return address === alert ? null : address;
    const up = roles[roles.indexOf(address.level) + 1];
    if (!up) return null;
    address = { ...address, level: up, escalatedAt: at };
  }
}
