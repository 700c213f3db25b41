/** The languages of the staff UI. English is the source: its strings are the message ids. */
export const staffLocales = ['en', 'nl', 'de', 'fr', 'es'] as const;
export type StaffLocale = (typeof staffLocales)[number];

/**
 * `en-XA` is Android's pseudo-locale: every catalog string accented and bracketed, so a test
 * sees at a glance any text that did not go through the catalog. Never offered in Settings.
 */
export const pseudoLocale = 'en-XA';
export type UiLocale = StaffLocale | typeof pseudoLocale;

/** Each language named in itself, as language pickers do (a Dutch speaker looks for "Nederlands"). */
export const endonyms: Record<StaffLocale, string> = {
  en: 'English',
  nl: 'Nederlands',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
};

export function isUiLocale(value: unknown): value is UiLocale {
  return value === pseudoLocale || staffLocales.includes(value as StaffLocale);
}

/** The first of the browser's languages the UI speaks ("de-AT" → de), else English. */
export function browserLocale(languages: readonly string[]): UiLocale {
  for (const tag of languages) {
    if (tag === pseudoLocale) return pseudoLocale;
    const base = tag.toLowerCase().split('-')[0];
    if (isUiLocale(base)) return base;
  }
  return 'en';
}

/**
 * The language most attendees speak at a festival in this timezone: the first choice offered
 * when staff record the language an attendee spoke. English where the timezone says nothing.
 */
const languageByTimezone: Record<string, StaffLocale> = {
  'Europe/Amsterdam': 'nl',
  'Europe/Brussels': 'nl',
  'Europe/Berlin': 'de',
  'Europe/Vienna': 'de',
  'Europe/Zurich': 'de',
  'Europe/Paris': 'fr',
  'Europe/Luxembourg': 'fr',
  'Europe/Madrid': 'es',
  'Atlantic/Canary': 'es',
  'America/Mexico_City': 'es',
  'America/Bogota': 'es',
  'America/Lima': 'es',
  'America/Santiago': 'es',
  'America/Argentina/Buenos_Aires': 'es',
};

export function eventLanguageOf(timezone: string): StaffLocale {
  return languageByTimezone[timezone] ?? 'en';
}

/** The short list staff pick from: the event's language first, then the others the app speaks. */
export function attendeeLanguages(timezone: string): StaffLocale[] {
  const first = eventLanguageOf(timezone);
  return [first, ...staffLocales.filter((locale) => locale !== first)];
}
