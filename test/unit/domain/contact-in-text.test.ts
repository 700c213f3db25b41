import { describe, expect, it } from 'vitest';
import { withoutContactDetails } from '../../../src/domain/attendee-redaction';
import { contactsInText, holdsContact, withoutContact } from '../../../src/domain/contact-in-text';

const noAttendee = { name: '', email: '', phone: '', ticketId: '', preferredChannel: null };
const values = (text: string) => contactsInText(text).map((f) => [f.kind, f.value]);

describe('contact details typed into free text', () => {
  it('finds phone numbers however they are typed, and email addresses, in the order they appear', () => {
    expect(values('Her number is +31 6 1234 5678')).toEqual([['phone', '+31 6 1234 5678']]);
    expect(values('Ring 06-12 34 56 78 after the show')).toEqual([['phone', '06-12 34 56 78']]);
    expect(values('Mail robin.vermeer@example.org.')).toEqual([['email', 'robin.vermeer@example.org']]);
    expect(values('Mum on 0612345678, or robin@example.org')).toEqual([
      ['phone', '0612345678'],
      ['email', 'robin@example.org'],
    ]);
  });

  it('leaves dates, times, amounts and short numbers alone', () => {
    for (const text of [
      'Lost bag near stage 2 at 14:30',
      'See 2026-07-11 14:02 in the log',
      'Refund of €12.50 for 3 tokens',
      'Wristband 1234567',
      '',
    ]) {
      expect(contactsInText(text)).toEqual([]);
    }
  });

  it('finds what the server masks on staff phones, so what is offered is what staff would see hidden', () => {
    const texts = ['Her number is +31 6 1234 5678', 'Friend (other@example.com) will pick it up', 'Call 020 123 4567 today'];
    for (const text of texts) {
      const masked = withoutContactDetails(text, noAttendee);
      const moved = contactsInText(text).reduce((rest, found) => rest.replace(found.value, '[contact]'), text);
      expect(moved).toBe(masked);
    }
  });

  it('takes the found detail out of the text without leaving a gap', () => {
    const take = (text: string) => withoutContact(text, contactsInText(text)[0]!);
    expect(take('Called mum on 06 1234 5678, she is coming')).toBe('Called mum on, she is coming');
    expect(take('robin@example.org wants a refund')).toBe('wants a refund');
    expect(take('Refund to robin@example.org')).toBe('Refund to');
    expect(take('Mum (06 1234 5678) is on her way')).toBe('Mum is on her way');
  });

  it('leaves the text as it is when it changed since the detail was found', () => {
    const [found] = contactsInText('Call 06 1234 5678');
    expect(withoutContact('Call her back', found!)).toBe('Call her back');
  });

  it('knows when a contact field already holds the number, typed another way', () => {
    const [found] = contactsInText('Call 06-1234 5678 please');
    expect(holdsContact('+31 6 12345678', found!)).toBe(true);
    expect(holdsContact('06 8765 4321', found!)).toBe(false);
    expect(holdsContact('', found!)).toBe(false);
    const [email] = contactsInText('Mail Robin@Example.org');
    expect(holdsContact(' robin@example.org ', email!)).toBe(true);
  });
});
