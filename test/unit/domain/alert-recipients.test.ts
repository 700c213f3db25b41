import { describe, expect, it } from 'vitest';
import {
  type AlertAddress,
  type AlertCandidate,
  isAlertRecipient,
  isEscalationRecipient,
  mayAcknowledgeAlert,
} from '../../../src/domain/alert-recipients';

const phone = (personId: string, role: AlertCandidate['role'], extra: Partial<AlertCandidate> = {}): AlertCandidate => ({
  personId,
  role,
  onDuty: true,
  signedIn: true,
  ...extra,
});
const sam = phone('sam', 'staff');
const kim = phone('kim', 'staff');
const alex = phone('alex', 'coordinator');
const jo = phone('jo', 'organizer');
const everyone = [sam, kim, alex, jo];
const reached = (alert: AlertAddress, rule = isAlertRecipient) => everyone.filter((p) => rule(alert, p)).map((p) => p.personId);

const urgent: AlertAddress = {
  kind: 'urgent',
  raisedLevel: 'coordinator',
  level: 'coordinator',
  toPersonId: null,
  escalatedAt: null,
};
const lostPerson: AlertAddress = {
  kind: 'lost-person',
  raisedLevel: 'staff',
  level: 'staff',
  toPersonId: null,
  escalatedAt: null,
};
const handover: AlertAddress = { kind: 'handover', raisedLevel: 'staff', level: 'staff', toPersonId: 'kim', escalatedAt: null };
const escalated = (alert: AlertAddress, level: AlertAddress['level']): AlertAddress => ({
  ...alert,
  level,
  escalatedAt: '2026-07-10T20:03:00.000Z',
});

describe('who an alert reaches', () => {
  it('coordinators and organizers on duty for an urgent issue; every phone on duty for a lost person', () => {
    expect(reached(urgent)).toEqual(['alex', 'jo']);
    expect(reached(lostPerson)).toEqual(['sam', 'kim', 'alex', 'jo']);
  });

  it('nobody off duty or signed out', () => {
    expect(isAlertRecipient(lostPerson, phone('pat', 'organizer', { onDuty: false }))).toBe(false);
    expect(isAlertRecipient(lostPerson, phone('pat', 'organizer', { signedIn: false }))).toBe(false);
    expect(isAlertRecipient(handover, phone('kim', 'staff', { onDuty: false }))).toBe(false);
  });

  it('a hand-over reaches only its person, and once escalated the next role up as well', () => {
    expect(reached(handover)).toEqual(['kim']);
    expect(reached(escalated(handover, 'coordinator'))).toEqual(['kim', 'alex', 'jo']);
  });

  it('escalating adds the next role up and keeps everyone already reached; it notifies the new level', () => {
    expect(reached(escalated(urgent, 'organizer'))).toEqual(['alex', 'jo']);
    expect(reached(escalated(urgent, 'organizer'), isEscalationRecipient)).toEqual(['jo']);
    expect(reached(escalated(lostPerson, 'coordinator'))).toEqual(['sam', 'kim', 'alex', 'jo']);
    expect(reached(escalated(lostPerson, 'coordinator'), isEscalationRecipient)).toEqual(['alex', 'jo']);
    expect(reached(escalated(handover, 'organizer'), isEscalationRecipient)).toEqual(['kim', 'jo']);
  });

  it("I'm on it: for the alert's recipients and any coordinator, not other staff", () => {
    expect(mayAcknowledgeAlert(handover, kim)).toBe(true);
    expect(mayAcknowledgeAlert(handover, alex)).toBe(true);
    expect(mayAcknowledgeAlert(handover, sam)).toBe(false);
    expect(mayAcknowledgeAlert(urgent, phone('pat', 'coordinator', { onDuty: false }))).toBe(true);
    expect(mayAcknowledgeAlert(urgent, phone('pat', 'coordinator', { signedIn: false }))).toBe(false);
  });
});
