import type { FestivalEvent } from './event';

/**
 * The languages Helptent speaks: its staff UI, and the follow-up templates attendees receive.
 * A festival's language is one of them (Settings → Festival).
 */
export const festivalLanguages = ['en', 'nl', 'de', 'fr', 'es'] as const;
export type FestivalLanguage = (typeof festivalLanguages)[number];

export function isFestivalLanguage(value: unknown): value is FestivalLanguage {
  return festivalLanguages.includes(value as FestivalLanguage);
}

/**
 * The language most attendees speak at a festival in this timezone: what an event that never
 * chose a language speaks. English where the timezone says nothing.
 */
const languageByTimezone: Record<string, FestivalLanguage> = {
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

export function languageOfTimezone(timezone: string): FestivalLanguage {
  return languageByTimezone[timezone] ?? 'en';
}

/**
 * The festival's language: the one its coordinators chose, else the one its timezone suggests
 * (events from before the setting, and a language a newer server knows but this app does not).
 */
export function festivalLanguageOf(event: Pick<FestivalEvent, 'timezone' | 'language'>): FestivalLanguage {
  return isFestivalLanguage(event.language) ? event.language : languageOfTimezone(event.timezone);
}
