import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { englishLocaleOf } from '../../../src/app/i18n/english-region';
import { hasChosenLanguage, languageOf, rememberLanguage, startLanguage } from '../../../src/app/i18n/language-choice';
import { activate } from '../../../src/app/i18n/messages';
import { formatWhen } from '../../../src/app/labels';

function browserSpeaks(...languages: string[]): void {
  vi.stubGlobal('navigator', { languages, language: languages[0] });
}

beforeEach(() => {
  const stored = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => stored.set(key, value),
  });
  // activate() marks the page's language; a plain object is enough outside a browser.
  vi.stubGlobal('document', { documentElement: {} });
});
afterEach(() => {
  activate('en', null, null);
  vi.unstubAllGlobals();
});

describe('the UI language a person gets', () => {
  it('is the browser’s when Helptent speaks it, at a festival in another language too', () => {
    browserSpeaks('de-AT', 'en');
    expect(languageOf('sam', 'nl')).toBe('de');
    browserSpeaks('en-US');
    expect(languageOf('sam', 'nl')).toBe('en');
  });

  it('is the festival’s when the browser speaks none of Helptent’s languages (not English)', () => {
    browserSpeaks('it-IT', 'pt');
    expect(languageOf('sam', 'nl')).toBe('nl');
    expect(languageOf(null, 'fr')).toBe('fr');
  });

  it('is the person’s own choice above both, and a choice made with nobody named is the phone’s', () => {
    browserSpeaks('it-IT');
    rememberLanguage('sam', 'es', true);
    expect(languageOf('sam', 'nl')).toBe('es');
    expect(hasChosenLanguage('sam')).toBe(true);
    // Kim never chose: the festival's, though Sam's Spanish was the last one shown.
    expect(languageOf('kim', 'nl')).toBe('nl');
    expect(hasChosenLanguage(null)).toBe(false);
    rememberLanguage(null, 'de', true);
    expect(languageOf(null, 'nl')).toBe('de');
  });

  it('the next start opens in the last language shown, before the festival is read', () => {
    browserSpeaks('it-IT');
    expect(startLanguage()).toBe('en');
    rememberLanguage('kim', 'nl', false);
    expect(startLanguage()).toBe('nl');
    // Shown, not chosen: it stays the festival's for Kim.
    expect(hasChosenLanguage('kim')).toBe(false);
  });
});

describe('English times at a festival', () => {
  const nineFiftyNinePmInAmsterdam = '2026-07-11T19:59:00.000Z';
  const sameDay = new Date('2026-07-11T20:30:00.000Z');

  it('keep the 24-hour clock in Europe, Ireland included', () => {
    expect(formatWhen(nineFiftyNinePmInAmsterdam, 'Europe/Amsterdam', sameDay)).toBe('21:59');
    expect(formatWhen(nineFiftyNinePmInAmsterdam, 'Europe/London', sameDay)).toBe('20:59');
    expect(formatWhen(nineFiftyNinePmInAmsterdam, 'Europe/Dublin', sameDay)).toBe('20:59');
    expect(englishLocaleOf('Europe/Dublin')).toBe('en-IE');
    expect(englishLocaleOf('Europe/London')).toBe('en-GB');
    expect(englishLocaleOf('Asia/Tokyo')).toBe('en-GB');
  });

  it('read as people there read them in America and Australia: a 12-hour clock', () => {
    expect(formatWhen(nineFiftyNinePmInAmsterdam, 'America/New_York', sameDay)).toBe('3:59 PM');
    expect(formatWhen('2026-07-11T14:05:00.000Z', 'America/Chicago', new Date('2026-07-12T14:05:00.000Z'))).toBe('Sat 9:05 AM');
    expect(englishLocaleOf('America/Toronto')).toBe('en-US');
    expect(englishLocaleOf('Australia/Melbourne')).toBe('en-AU');
  });

  it('in other languages follow the language, whatever the region', () => {
    activate('nl', {}, null);
    expect(formatWhen(nineFiftyNinePmInAmsterdam, 'America/New_York', sameDay)).toBe('15:59');
  });
});
