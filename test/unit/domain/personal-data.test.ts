import { describe, expect, it } from 'vitest';
import { defaultEvent, type FestivalEvent } from '../../../src/domain/event';
import type { Issue } from '../../../src/domain/issue';
import { applyMutation } from '../../../src/domain/mutators';
import {
  eraseAttendee,
  fullNamesOf,
  isAttendee,
  keepRemoved,
  mayBeAttendee,
  purgePersonalData,
  redactTerms,
  retentionEndsAt,
  retentionHasEnded,
  termsOfQuery,
  withAttendees,
  withheldFromStaff,
  withoutKnownNames,
} from '../../../src/domain/personal-data';
import type { Actor } from '../../../src/domain/staff';

const alex: Actor = { id: 'alex', name: 'Alex', role: 'coordinator' };
let n = 0;
const ctx = () => ({ now: '2026-07-10T12:00:00.000Z', actor: alex, mutationUuid: `m-${++n}` });
const stamp = { entryId: 'erasure-1', at: '2026-07-20T10:00:00.000Z', by: { id: 'jo', name: 'Jo' } };
const robin = {
  name: 'Robin de Vries',
  email: 'Robin.deVries@example.org',
  phone: '+31 6 1234 5678',
  ticketId: 'TCK-99812',
  preferredChannel: null,
};

function logged(summary: string, attendee: Partial<typeof robin> = robin, note = ''): Issue {
  const id = `0190f0f0-0000-7000-8000-${String(++n).padStart(12, '0')}`;
  const issue = applyMutation(
    undefined,
    'createIssue',
    { id, eventId: 'fest', category: 'lost-property', summary, attendee, consentGiven: true },
    ctx(),
  );
  return note ? applyMutation(issue, 'addNote', { issueId: id, text: note }, ctx()) : issue;
}

const emailTerms = withAttendees(termsOfQuery('robin.devries@example.org'), [robin]);

describe('finding one attendee', () => {
  it('reads an organizer’s search as an email, a phone number or a name', () => {
    expect(termsOfQuery(' robin@example.org ')).toEqual({ names: [], emails: ['robin@example.org'], phones: [], ticketIds: [] });
    expect(termsOfQuery('06-1234 5678').phones).toEqual(['06-1234 5678']);
    expect(termsOfQuery('de Vries')).toEqual({ names: ['de Vries'], emails: [], phones: [], ticketIds: ['de Vries'] });
  });

  it('matches the same email in any case and the same number however it was typed', () => {
    const issue = logged('Lost phone');
    expect(isAttendee(issue, termsOfQuery('robin.devries@EXAMPLE.org'))).toBe(true);
    expect(isAttendee(issue, termsOfQuery('0612345678'))).toBe(true);
    expect(isAttendee(issue, termsOfQuery('0612345679'))).toBe(false);
  });

  it('a search finds names containing it; an erasure takes only the same full name, and not beside someone else’s email', () => {
    const namesake = logged('Wristband', { name: 'Robin de Vries', email: 'other@example.net' });
    const nameOnly = logged('Wristband', { name: 'robin  de vries' });
    const terms = { names: ['Robin de Vries'], emails: ['robin.devries@example.org'], phones: [], ticketIds: [] };
    expect(mayBeAttendee(namesake, termsOfQuery('de Vries'))).toBe(true);
    expect(isAttendee(namesake, terms)).toBe(false);
    expect(isAttendee(nameOnly, terms)).toBe(true);
    expect(isAttendee(nameOnly, termsOfQuery('de Vries'))).toBe(false);
  });
});

describe('erasing one attendee', () => {
  it('removes their identifiers however they were written, and nothing else', () => {
    const text =
      'Robin  de Vries (ticket TCK-99812) called from 06-12345678 and +31 (0)6 1234 5678, mail ROBIN.DEVRIES@example.org; Kim on 0687654321';
    expect(redactTerms(text, emailTerms)).toBe(
      '[erased] (ticket [erased]) called from [erased] and [erased], mail [erased]; Kim on 0687654321',
    );
  });

  it('their own issue loses contact, consent and every contact detail in its text; the history says who, not what', () => {
    const issue = logged('Robin lost her phone, call +31 6 1234 5678', robin, 'Mailed robin.devries@example.org and a@b.co');
    const erased = eraseAttendee(issue, emailTerms, stamp)!;
    expect(erased.attendee).toEqual({ name: '', email: '', phone: '', ticketId: '', preferredChannel: null });
    expect(erased.consent).toEqual({ given: false, at: null });
    expect(erased.summary).toBe('[attendee] lost her phone, call [contact]');
    expect(erased.timeline.find((e) => e.kind === 'note')!.note).toBe('Mailed [contact] and [contact]');
    expect(erased.personalDataRemoved).toEqual({ at: stamp.at, by: stamp.by, why: 'erasure' });
    const entry = erased.timeline.at(-1)!;
    expect(entry).toMatchObject({ id: 'erasure-1', text: 'Attendee personal data erased on request by Jo', note: '' });
    expect(JSON.stringify(erased)).not.toMatch(/robin|1234|TCK/i);
  });

  it('someone else’s issue keeps its attendee and loses only the mentions; an issue that never mentions them is left alone', () => {
    const kim = { name: 'Kim Jansen', email: 'kim@example.net', phone: '', ticketId: '', preferredChannel: null };
    const mentioning = logged('Kim looks for a friend', kim, 'Friend is Robin de Vries, robin.devries@example.org');
    const erased = eraseAttendee(mentioning, emailTerms, stamp)!;
    expect(erased.attendee).toMatchObject({ name: 'Kim Jansen', email: 'kim@example.net' });
    expect(erased.consent.given).toBe(true);
    expect(erased.timeline.find((e) => e.kind === 'note')!.note).toBe('Friend is [erased], [erased]');
    expect(eraseAttendee(logged('Wristband does not scan', kim), emailTerms, stamp)).toBeNull();
  });

  it('an erased issue takes no contact details again', () => {
    const erased = eraseAttendee(logged('Lost phone'), emailTerms, stamp)!;
    const late = applyMutation(erased, 'addNote', { issueId: erased.id, text: 'She called from 0612345678' }, ctx());
    const withContact = { ...late, attendee: { ...late.attendee, email: 'robin.devries@example.org' } };
    const kept = keepRemoved(withContact);
    expect(kept.attendee.email).toBe('');
    expect(kept.timeline.at(-1)!.note).toBe('She called from [contact]');
  });
});

describe('what a staff phone receives of others’ issues', () => {
  it('no contact fields, a mark that they are held, and contact-shaped text masked', () => {
    const issue = logged('Robin lost her wallet; mail robin.devries@example.org', robin, 'Call 06 1234 5678');
    const seen = withheldFromStaff(issue);
    expect(seen.attendee).toEqual({ name: '', email: '', phone: '', ticketId: '', preferredChannel: null });
    expect(seen.contactWithheld).toBe(true);
    expect(seen.summary).toBe('[attendee] lost her wallet; mail [contact]');
    expect(seen.timeline.find((e) => e.kind === 'note')!.note).toBe('Call [contact]');
    expect(withheldFromStaff(logged('Toilets blocked', {})).contactWithheld).toBeUndefined();
  });
});

describe('the retention period', () => {
  const event: FestivalEvent = { ...defaultEvent('fest', 'Europe/Amsterdam'), days: ['2026-07-10', '2026-07-12'] };

  it('ends the given days after the end of the last festival day, in the festival’s timezone', () => {
    // The 12th's festival day ends at 06:00 on the 13th in Amsterdam (04:00 UTC), plus 30 days.
    expect(retentionEndsAt(event)).toBe('2026-08-12T04:00:00.000Z');
    expect(retentionEndsAt({ ...event, retentionDays: 1 })).toBe('2026-07-14T04:00:00.000Z');
    expect(retentionEndsAt({ ...event, days: [] })).toBeNull();
    expect(retentionHasEnded(event, new Date('2026-08-12T03:59:59Z'))).toBe(false);
    expect(retentionHasEnded(event, new Date('2026-08-12T04:00:00Z'))).toBe(true);
  });

  it('removes contact fields, contact details and every attendee’s full name from text, keeping the figures', () => {
    const kim = { name: 'Kim Jansen', email: 'kim@example.net', phone: '', ticketId: '', preferredChannel: null };
    const issue = logged('Looking for Robin de Vries, she has our tent key', kim, 'Kim Jansen will call 0612345678');
    const names = fullNamesOf([robin, kim, { ...kim, name: 'Cher' }]);
    expect(names).toEqual(new Set(['robin de vries', 'kim jansen']));
    const purged = purgePersonalData(issue, { ...stamp, by: { id: 'server', name: 'Helptent server' } }, names)!;
    expect(purged.attendee.email).toBe('');
    expect(purged.consent.given).toBe(true);
    expect(purged.category).toBe('lost-property');
    expect(purged.summary).toBe('Looking for [attendee], she has our tent key');
    expect(purged.timeline.find((e) => e.kind === 'note')!.note).toBe('[attendee] [attendee] will call [contact]');
    expect(purged.personalDataRemoved?.why).toBe('retention');
    expect(purgePersonalData(purged, stamp, names)).toBeNull();
  });

  it('finds full names word by word with only spaces between them', () => {
    const names = new Set(['robin de vries']);
    expect(withoutKnownNames('Robin de\nVries, and Robin, de Vries', names)).toBe('[attendee], and Robin, de Vries');
    expect(withoutKnownNames('robin de robin de vries', names)).toBe('robin de [attendee]');
  });
});
