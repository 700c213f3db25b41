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

/** Whether the text holds at least `n` digits: most texts hold none, and are passed over at once. */
function hasDigits(text: string, n: number): boolean {
  let seen = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++seen >= n) return true;
  }
  return false;
}

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
  return contactDetailsRedactor(attendee)(text);
}

/**
 * `withoutContactDetails` for one attendee, for many texts (every text of an issue): the
 * attendee's own patterns are built once, and only when a text mentions them.
 */
export function contactDetailsRedactor(attendee: Attendee): (text: string) => string {
  const literals: { word: string; pattern?: RegExp }[] = [attendee.email, attendee.phone, attendee.ticketId]
    .map((literal) => literal.trim())
    .filter((literal) => literal.length >= 3)
    .map((word) => ({ word: word.toLowerCase() }));
  const phoneDigits = attendee.phone.replace(/\D/g, '');
  // The same number typed another way ("0612345678" for "+31 6 1234 5678"): match its last digits.
  const tail = phoneDigits.length >= 6 ? phoneDigits.slice(-Math.min(9, phoneDigits.length)) : '';
  let tailPattern: RegExp | undefined;
  const names: { word: string; pattern?: RegExp }[] = attendee.name
    .split(/[\s,]+/)
    .filter((word) => [...word].length >= 3)
    .map((word) => ({ word: word.toLowerCase() }));
  return (text) => {
    if (text === '') return text;
    // The patterns are only tried where they can match: a staff phone's pull passes every text
    // of every issue through here.
    let out = text.includes('@') ? text.replace(emailPattern, '[contact]') : text;
    if (hasDigits(out, 8)) {
      out = out.replace(phonePattern, (match) => (countDigits(match) >= 8 && !isoDate.test(match) ? '[contact]' : match));
    }
    // Building a regular expression costs more than looking first, and most texts mention nobody.
    let lower = out.toLowerCase();
    for (const literal of literals) {
      if (!lower.includes(literal.word)) continue;
      literal.pattern ??= new RegExp(escapeRegExp(literal.word), 'giu');
      out = out.replace(literal.pattern, '[contact]');
      lower = out.toLowerCase();
    }
    if (tail !== '' && hasDigits(out, 6)) {
      tailPattern ??= new RegExp([...tail].join('[\\s().-]*'), 'g');
      out = out.replace(tailPattern, '[contact]');
      lower = out.toLowerCase();
    }
    for (const name of names) {
      if (!lower.includes(name.word)) continue;
      name.pattern ??= new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name.word)}(?![\\p{L}\\p{N}])`, 'giu');
      out = out.replace(name.pattern, '[attendee]');
      lower = out.toLowerCase();
    }
    return out;
  };
}
