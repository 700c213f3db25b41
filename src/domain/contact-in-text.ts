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
    // "(06 1234 5678)": the bracket around it is not part of the number.
    const open = m[0].startsWith('(') && !m[0].includes(')') ? 1 : 0;
    const value = m[0].slice(open);
    if (countDigits(value) >= 8 && !isoDate.test(value) && !inEmail) found.push({ kind: 'phone', value, index: m.index + open });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The text without the found contact, and without the gap it leaves ("on , she" → "on, she"). */
export function withoutContact(text: string, found: ContactInText): string {
  if (text.slice(found.index, found.index + found.value.length) !== found.value) return text;
  let before = text.slice(0, found.index).replace(/[ \t]+$/, '');
  let after = text.slice(found.index + found.value.length).replace(/^[ \t]+/, '');
  if (before.endsWith('(') && after.startsWith(')')) {
    before = before.slice(0, -1).replace(/[ \t]+$/, '');
    after = after.slice(1).replace(/^[ \t]+/, '');
  }
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
