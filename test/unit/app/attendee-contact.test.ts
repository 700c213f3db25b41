import { describe, expect, it } from 'vitest';
import { attendeeContactText, heldByCoordinators, mayShowContact } from '../../../src/app/issue/attendee-contact';
import { changedFields, stateOf } from '../../../src/app/issue/edit-form-state';
import type { Issue } from '../../../src/domain/issue';
import { applyMutation } from '../../../src/domain/mutators';
import { eraseAttendee, purgePersonalData, termsOfQuery, withheldFromStaff } from '../../../src/domain/personal-data';
import { uuidV7 } from '../../../src/domain/uuid-v7';

const tz = 'Europe/Amsterdam';
const sam = { id: 'sam', name: 'Sam', role: 'staff' as const };
let n = 0;
const ctx = () => ({
  now: '2026-07-10T20:00:00.000Z',
  actor: sam,
  mutationUuid: `m-${++n}`,
});

function logged(attendee?: Record<string, string>): Issue {
  const id = uuidV7(Date.UTC(2026, 6, 10), new Uint8Array(10).fill(++n));
  return applyMutation(
    undefined,
    'createIssue',
    { id, eventId: 'festival', category: 'lost-property', summary: 'Lost phone', ...(attendee ? { attendee } : {}) },
    ctx(),
  );
}
const robin = { name: 'Robin Vermeer', email: 'robin@example.org', phone: '+31 6 1234 5678' };
// 23:30 in Amsterdam on the 11th is already the 12th there.
const stamp = { entryId: 'e-1', at: '2026-08-11T22:30:00.000Z', by: { id: 'olga', name: 'Olga' } };

describe('what an issue says about the attendee’s contact details', () => {
  it('shows them to coordinators and to the person who logged it', () => {
    const issue = logged(robin);
    expect(attendeeContactText(issue, mayShowContact(issue, true, 'lee'), tz)).toBe(
      'Robin Vermeer · robin@example.org · +31 6 1234 5678',
    );
    expect(mayShowContact(issue, false, 'sam')).toBe(true);
  });

  it('says they are held by the coordinators on a staff phone’s withheld copy, never "No contact details"', () => {
    const copy = withheldFromStaff(logged(robin));
    expect(copy.attendee.email).toBe('');
    expect(mayShowContact(copy, false, 'lee')).toBe(false);
    // Even the person who logged it, on another phone, or a phone that became a coordinator's since.
    expect(mayShowContact(copy, true, 'sam')).toBe(false);
    expect(attendeeContactText(copy, false, tz)).toBe('Contact details held by the coordinators');
    expect(heldByCoordinators()).toBe('Contact details held by the coordinators');
  });

  it('says the same where this phone holds them but may not show them', () => {
    const issue = logged(robin);
    expect(attendeeContactText(issue, mayShowContact(issue, false, 'lee'), tz)).toBe(heldByCoordinators());
  });

  it('says "No contact details" only when none were taken', () => {
    const issue = logged();
    expect(attendeeContactText(issue, true, tz)).toBe('No contact details');
    expect(attendeeContactText(withheldFromStaff(issue), false, tz)).toBe('No contact details');
  });

  it('says when the personal data was erased on request or removed after the retention period, with the date', () => {
    const issue = logged(robin);
    const erased = eraseAttendee(issue, termsOfQuery('robin@example.org'), stamp)!;
    expect(attendeeContactText(erased, true, tz)).toBe('Personal data erased on request on 2026-08-12');
    const purged = purgePersonalData(issue, stamp)!;
    expect(attendeeContactText(purged, true, tz)).toBe('Personal data removed after the retention period on 2026-08-12');
    // A staff phone's copy of an erased issue has nothing withheld: it says erased too.
    expect(attendeeContactText(withheldFromStaff(erased), false, tz)).toBe('Personal data erased on request on 2026-08-12');
  });
});

describe('the edit form on a copy whose contact details were withheld', () => {
  it('sends no contact field when only the summary changed, so the coordinators’ copy keeps them', () => {
    const original = logged(robin);
    const copy = withheldFromStaff(original);
    const before = stateOf(copy);
    const fields = changedFields(before, { ...before, summary: 'Lost phone, found at the bar' });
    expect(fields).toEqual({ summary: 'Lost phone, found at the bar' });
    const onServer = applyMutation(original, 'updateFields', { issueId: original.id, fields }, ctx());
    expect(onServer.attendee).toEqual(original.attendee);
    expect(onServer.consent).toEqual(original.consent);
  });

  it('changes only the contact field a phone number was moved into', () => {
    const original = logged(robin);
    const before = stateOf(original);
    const fields = changedFields(before, { ...before, phone: '06 8765 4321' });
    expect(fields).toEqual({ attendee: { phone: '06 8765 4321' } });
    const next = applyMutation(original, 'updateFields', { issueId: original.id, fields }, ctx());
    expect(next.attendee).toMatchObject({ name: 'Robin Vermeer', email: 'robin@example.org', phone: '06 8765 4321' });
  });
});
