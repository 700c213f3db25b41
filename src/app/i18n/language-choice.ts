import { browserLocale, isUiLocale, type UiLocale } from './locales';

/**
 * Each person's language on this phone, and the last one used (which the next start opens in,
 * before anyone is known). A preference of the screen, not festival data: it lives in
 * localStorage, like the theme, and is read before the first render.
 */
const key = 'helptent-languages';
const lastKey = '';

type Choices = Record<string, UiLocale>;

function readChoices(): Choices {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    if (!parsed || typeof parsed !== 'object') return {};
    const choices: Choices = {};
    for (const [person, locale] of Object.entries(parsed)) if (isUiLocale(locale)) choices[person] = locale;
    return choices;
  } catch {
    return {};
  }
}

/** The person's chosen language, else the browser's. */
export function languageOf(personId: string | null): UiLocale {
  const choices = readChoices();
  return (personId ? choices[personId] : choices[lastKey]) ?? browserLocale(navigator.languages ?? [navigator.language]);
}

/** Whether the person picked a language themselves (else it follows the browser). */
export function hasChosenLanguage(personId: string): boolean {
  return readChoices()[personId] !== undefined;
}

export function rememberLanguage(personId: string | null, locale: UiLocale, chosen: boolean): void {
  const choices = readChoices();
  if (personId && chosen) choices[personId] = locale;
  choices[lastKey] = locale;
  try {
    localStorage.setItem(key, JSON.stringify(choices));
  } catch {
    // Storage blocked: the language still applies until the page closes.
  }
}
