import type { Phrase, PhraseValue } from '../../domain/phrase';
import { type PhraseLanguage, phraseText, valueText } from '../../domain/phrase-text';
import { formatNumber, hasTranslation, t, templateOf } from './messages';

const catalogLanguage: PhraseLanguage = { template: templateOf, number: formatNumber };

/** A phrase the domain or the server wrote, in the person's language. */
export function said(phrase: Phrase): string {
  return phraseText(phrase, catalogLanguage);
}

/** A value of a phrase on its own (an alert's title: a kind and a zone), in the person's language. */
export function saidValue(value: PhraseValue): string {
  return valueText(value, catalogLanguage);
}

/** An alert's title and body in the person's language; from a server before phrases, as it sent them. */
export function alertWords(alert: {
  title: string;
  body: string;
  said?: { title: PhraseValue; body: PhraseValue } | undefined;
}): { title: string; body: string } {
  return alert.said ? { title: saidValue(alert.said.title), body: saidValue(alert.said.body) } : alert;
}

/**
 * An issue's resolution in the person's language (or the one given: an attendee's) when the
 * domain wrote it ("Handed back to Mia."), for as long as nobody rewrote it; else as written.
 */
export function resolutionText(
  issue: { resolution: string; resolutionSaid?: Phrase | undefined },
  language: PhraseLanguage = catalogLanguage,
): string {
  return issue.resolutionSaid && phraseText(issue.resolutionSaid) === issue.resolution
    ? phraseText(issue.resolutionSaid, language)
    : issue.resolution;
}

/**
 * A stored sentence (a timeline entry, a settings change) in the person's language. One written
 * before phrases has only its English text: shown translated when it is a sentence without values
 * the catalog knows ("Note"), else as it was stored.
 */
export function storedText(stored: { text: string; phrase?: Phrase | undefined }): string {
  if (stored.phrase) return said(stored.phrase);
  return hasTranslation(stored.text) ? t(stored.text) : stored.text;
}
