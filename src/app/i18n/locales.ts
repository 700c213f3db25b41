import type { FestivalEvent } from '../../domain/event';
import { type FestivalLanguage, festivalLanguageOf, festivalLanguages } from '../../domain/festival-language';

/** The languages of the staff UI (a festival's language is one of them). English is the source: its strings are the message ids. */
export const staffLocales = festivalLanguages;
export type StaffLocale = FestivalLanguage;

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

/** The first of the browser's languages the UI speaks ("de-AT" → de); null when it speaks none of them. */
export function browserLocale(languages: readonly string[]): UiLocale | null {
  for (const tag of languages) {
    if (tag === pseudoLocale) return pseudoLocale;
    const base = tag.toLowerCase().split('-')[0];
    if (isUiLocale(base)) return base;
  }
  return null;
}

/** The short list staff pick from: the festival's language first, then the others the app speaks. */
export function attendeeLanguages(event: Pick<FestivalEvent, 'timezone' | 'language'>): StaffLocale[] {
  const first = festivalLanguageOf(event);
  return [first, ...staffLocales.filter((locale) => locale !== first)];
}
