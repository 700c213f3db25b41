import { browserLocale, isUiLocale, type StaffLocale, type UiLocale } from './locales';

/**
 * Each person's language on this phone, and the last one used (which the next start opens in,
 * before anyone is known). A preference of the screen, not festival data: it lives in
 * localStorage, like the theme, and is read before the first render.
 */
const key = 'helptent-languages';
/** The language the phone showed last: the next start opens in it, before the festival is read. */
const lastKey = '';
/** A language chosen while nobody was named on the phone. */
const phoneKey = '*';

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

function browserLanguages(): readonly string[] {
  return navigator.languages ?? [navigator.language];
}

/** The language the phone opens in, before it has read the festival: the last one shown, else the browser's. */
export function startLanguage(): UiLocale {
  return readChoices()[lastKey] ?? browserLocale(browserLanguages()) ?? 'en';
}

/**
 * The person's chosen language, else the browser's, else the festival's: a volunteer whose
 * phone speaks Italian reads the festival's language rather than English.
 */
export function languageOf(personId: string | null, festivalLanguage: StaffLocale): UiLocale {
  return readChoices()[personId ?? phoneKey] ?? browserLocale(browserLanguages()) ?? festivalLanguage;
}

/** Whether the person picked a language themselves (else it follows the browser, or the festival). */
export function hasChosenLanguage(personId: string | null): boolean {
  return readChoices()[personId ?? phoneKey] !== undefined;
}

export function rememberLanguage(personId: string | null, locale: UiLocale, chosen: boolean): void {
  const choices = readChoices();
  if (chosen) choices[personId ?? phoneKey] = locale;
  choices[lastKey] = locale;
  try {
    localStorage.setItem(key, JSON.stringify(choices));
  } catch {
    // Storage blocked: the language still applies until the page closes.
  }
}
