import type { PhraseLanguage } from '../../domain/phrase-text';
import type { StaffLocale } from './locales';
import { type Catalog, catalogText } from './messages';

/**
 * A language to say phrases in other than the one the UI speaks: the follow-up list writes to
 * each attendee in the language they spoke, whatever the coordinator reads. English is the
 * source and needs no catalog.
 */
export function phraseLanguageOf(locale: StaffLocale, catalog: Catalog | null): PhraseLanguage {
  let plurals: Intl.PluralRules | undefined;
  let numbers: Intl.NumberFormat | undefined;
  return {
    template: (id, count) =>
      catalogText(catalog, id, count, () => {
        plurals ??= new Intl.PluralRules(locale);
        return plurals;
      }),
    number(value) {
      numbers ??= new Intl.NumberFormat(locale);
      return numbers.format(value);
    },
  };
}
