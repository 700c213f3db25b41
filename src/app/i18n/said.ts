import type { Phrase } from '../../domain/phrase';
import { type PhraseLanguage, phraseText } from '../../domain/phrase-text';
import { formatNumber, hasTranslation, t, templateOf } from './messages';

const catalogLanguage: PhraseLanguage = { template: templateOf, number: formatNumber };

/** A phrase the domain or the server wrote, in the person's language. */
export function said(phrase: Phrase): string {
  return phraseText(phrase, catalogLanguage);
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
