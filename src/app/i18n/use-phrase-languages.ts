import { useEffect, useState } from 'preact/hooks';
import type { PhraseLanguage } from '../../domain/phrase-text';
import { loadCatalog } from './load-locale';
import type { StaffLocale } from './locales';
import { phraseLanguageOf } from './phrase-language';

/**
 * The given languages to say phrases in, each once its catalog has loaded (a lazy chunk, which
 * the service worker keeps, so offline too). A catalog that fails to load leaves that language
 * saying phrases in English, as stored, rather than holding up the screen.
 */
export function usePhraseLanguages(locales: readonly StaffLocale[]): Partial<Record<StaffLocale, PhraseLanguage>> {
  const [loaded, setLoaded] = useState<Partial<Record<StaffLocale, PhraseLanguage>>>({});
  const wanted = [...new Set(locales)].sort().join(' ');
  useEffect(() => {
    let stopped = false;
    for (const locale of wanted.split(' ').filter(Boolean) as StaffLocale[]) {
      if (loaded[locale]) continue;
      void loadCatalog(locale)
        .catch(() => null)
        .then((catalog) => {
          if (!stopped) setLoaded((before) => ({ ...before, [locale]: phraseLanguageOf(locale, catalog) }));
        });
    }
    return () => {
      stopped = true;
    };
  }, [wanted]);
  return loaded;
}
