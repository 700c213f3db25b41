import { describe, expect, it } from 'vitest';
import {
  type AlertAddress,
  type AlertCandidate,
  escalatedForNobodyOnDuty,
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

describe('an alert nobody on duty can answer at its level', () => {
  const at = '2026-07-10T12:00:00.000Z';
  const everyoneMayHear = () => true;
  const handover: AlertAddress = { kind: 'handover', raisedLevel: 'staff', level: 'staff', toPersonId: 'kim', escalatedAt: null };

  it('stays where it is while someone on duty answers to its level', () => {
    expect(escalatedForNobodyOnDuty(urgent, [sam, alex], everyoneMayHear, at)).toBeNull();
    expect(escalatedForNobodyOnDuty(handover, [kim], everyoneMayHear, at)).toBeNull();
  });

  it('moves up at once to the first level someone answers to: a hand-over to someone off duty goes to the coordinators', () => {
    expect(escalatedForNobodyOnDuty(handover, [sam, alex, jo], everyoneMayHear, at)).toEqual({
      ...handover,
      level: 'coordinator',
      escalatedAt: at,
    });
    expect(escalatedForNobodyOnDuty(handover, [sam, jo], everyoneMayHear, at)).toMatchObject({ level: 'coordinator' });
  });

  it('a case a staff phone may not see counts nobody who may not see it: a restricted hand-over to staff goes up', () => {
    const onlyCoordinators = (c: AlertCandidate) => c.role !== 'staff';
    expect(escalatedForNobodyOnDuty(handover, [kim, alex], onlyCoordinators, at)).toMatchObject({ level: 'coordinator' });
  });

  it('with nobody on duty at any level it stays open where it was raised, for whoever comes on duty', () => {
    expect(escalatedForNobodyOnDuty(urgent, [sam, kim], everyoneMayHear, at)).toBeNull();
    expect(escalatedForNobodyOnDuty(handover, [], everyoneMayHear, at)).toBeNull();
  });
});
