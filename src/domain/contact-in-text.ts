import { countDigits, emailPattern, isoDate, phonePattern } from './attendee-redaction';

/**
 * Contact details typed into free text ("called her mum on 06 1234 5678"), found so the form
 * can offer to move them into the attendee's contact fields, where consent applies and staff
 * phones never see them. The patterns are the ones the server masks free text with, so what is
 * offered here is what a staff phone would have seen hidden. Small on purpose: the logging form
 * is in the phone's first load.
 */
export interface ContactInText {
  kind: 'email' | 'phone';
  /** As typed. */
  value: string;
  /** Where it starts in the text. */
  index: number;
}

/** Every email address and phone number in the text, in the order they appear. */
export function contactsInText(text: string): ContactInText[] {
  const found: ContactInText[] = [];
  if (text.length < 8) return found;
  for (const m of text.matchAll(emailPattern)) {
    // "Mail me at sam@example.org." ends the sentence, not the address.
    found.push({ kind: 'email', value: m[0].replace(/\.+$/, ''), index: m.index });
  }
  for (const m of text.matchAll(phonePattern)) {
    const inEmail = found.some((f) => m.index >= f.index && m.index < f.index + f.value.length);
    if (countDigits(m[0]) >= 8 && !isoDate.test(m[0]) && !inEmail) found.push({ kind: 'phone', value: m[0], index: m.index });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The text without the found contact, and without the gap it leaves ("on , she" → "on, she"). */
export function withoutContact(text: string, found: ContactInText): string {
  if (text.slice(found.index, found.index + found.value.length) !== found.value) return text;
  const before = text.slice(0, found.index).replace(/[ \t]+$/, '');
  const after = text.slice(found.index + found.value.length).replace(/^[ \t]+/, '');
  const joiner = before === '' || after === '' || /^[\s.,;:!?)]/.test(after) || /[\s(]$/.test(before) ? '' : ' ';
  return `${before}${joiner}${after}`.trim();
}

const digitsOf = (text: string): string => text.replace(/\D/g, '');

/** Whether a contact field already holds this value, however it was typed. */
export function holdsContact(field: string, found: ContactInText): boolean {
  return found.kind === 'email'
    ? field.trim().toLowerCase() === found.value.toLowerCase()
    : digitsOf(field) !== '' && digitsOf(field).slice(-9) === digitsOf(found.value).slice(-9);
}
