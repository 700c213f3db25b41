import { type StaffLocale, staffLocales } from './locales';

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
