import type { Attendee } from './issue';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The parts are bounded (as addresses are: 64 before the @, 255 after) so a long run of text
 * without an address costs a bounded look per character, not a scan to its end: a 4,000-character
 * note of "a.a.a." took 70 ms unbounded, on every summary that lists it.
 */
export const emailPattern = /[^\s@<>()[\]"',;:]{1,64}@[^\s@<>()[\]"',;:]{1,255}\.[^\s@<>()[\]"',;:]{1,63}/g;
/** Eight to forty digits with the separators people type in phone numbers; dates are spared below. */
export const phonePattern = /\+?\(?\d[\d\s().-]{6,38}\d/g;
export const isoDate = /^\d{4}-\d{2}-\d{2}/;
export const countDigits = (text: string): number => text.replace(/\D/g, '').length;

/**
 * Text staff typed (a summary, a note, what we told the attendee) with the attendee's contact
 * details taken out. Summaries travel further than the issue (printed, exported, read on a
 * staff phone whose role may not see contact details), and staff do write "called Robin on
 * 06 1234 5678" in notes. So we remove this attendee's name (word by word, each word of three
 * letters or more), email, phone and ticket id, and anything shaped like an email address or a
 * phone number whoever it belongs to. It can over-redact (a name that is also a word); losing a
 * word in a summary is cheaper than leaking a number.
 */
export function withoutContactDetails(text: string, attendee: Attendee): string {
  if (text === '') return text;
  let out = text.replace(emailPattern, '[contact]');
  out = out.replace(phonePattern, (match) => (countDigits(match) >= 8 && !isoDate.test(match) ? '[contact]' : match));
  // Building a regular expression costs more than looking first, and most texts mention nobody.
  const mentions = (word: string) => out.toLowerCase().includes(word.toLowerCase());
  for (const literal of [attendee.email, attendee.phone, attendee.ticketId]) {
    const trimmed = literal.trim();
    if (trimmed.length >= 3 && mentions(trimmed)) out = out.replace(new RegExp(escapeRegExp(trimmed), 'giu'), '[contact]');
  }
  const phoneDigits = attendee.phone.replace(/\D/g, '');
  if (phoneDigits.length >= 6 && countDigits(out) >= 6) {
    // The same number typed another way ("0612345678" for "+31 6 1234 5678"): match its last digits.
    const tail = phoneDigits.slice(-Math.min(9, phoneDigits.length));
    out = out.replace(new RegExp([...tail].join('[\\s().-]*'), 'g'), '[contact]');
  }
  for (const word of attendee.name.split(/[\s,]+/)) {
    if ([...word].length < 3 || !mentions(word)) continue;
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'giu'), '[attendee]');
  }
  return out;
}
