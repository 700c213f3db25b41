import { useEffect, useState } from 'preact/hooks';
import { languageOf, rememberLanguage } from './language-choice';
import { switchLocale } from './load-locale';
import type { StaffLocale, UiLocale } from './locales';
import { activeLocale, onLocaleChange } from './messages';

/** The UI's language; the component re-renders (and with it everything below) when it changes. */
export function useLocale(): UiLocale {
  const [, setVersion] = useState(0);
  useEffect(() => onLocaleChange(() => setVersion((v) => v + 1)), []);
  return activeLocale();
}

/**
 * On a shared phone, the UI follows the person signed in: their choice, else the browser's,
 * else the festival's (which may arrive with the first sync after joining).
 */
export function usePersonLanguage(personId: string | null | undefined, festivalLanguage: StaffLocale | undefined): void {
  useEffect(() => {
    if (personId === undefined || festivalLanguage === undefined) return; // not read yet
    const locale = languageOf(personId, festivalLanguage);
    rememberLanguage(personId, locale, false);
    void switchLocale(locale);
  }, [personId, festivalLanguage]);
}
