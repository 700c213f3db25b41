import { englishLocaleOf } from './english-region';
import type { UiLocale } from './locales';

/** A message with plural forms by CLDR category (Intl.PluralRules); `other` is always there. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
/** A language's messages keyed by the English source text; a missing one falls back to English. */
export type Catalog = Readonly<Record<string, string | PluralMessage>>;
export type MessageValues = Readonly<Record<string, string | number>>;

/**
 * What the UI speaks now. English needs no catalog (its strings are the ids), so the phone's
 * first load carries none; another language's catalog is a lazy chunk loaded before it renders.
 */
let current: { locale: UiLocale; catalog: Catalog | null; pseudo: ((text: string) => string) | null } = {
  locale: 'en',
  catalog: null,
  pseudo: null,
};
const listeners = new Set<() => void>();
let numbers: Intl.NumberFormat | null = null;
let plurals: Intl.PluralRules | null = null;

export function activeLocale(): UiLocale {
  return current.locale;
}

/**
 * The tag for Intl. English reads the way the festival's region does, told by its timezone
 * (en-GB's 24-hour clock in Europe, en-US in America); without a timezone (numbers, plurals,
 * which these regions write alike) it is en-GB.
 */
export function intlLocale(timezone?: string): string {
  if (current.locale !== 'en' && current.locale !== 'en-XA') return current.locale;
  return timezone === undefined ? 'en-GB' : englishLocaleOf(timezone);
}

export function activate(locale: UiLocale, catalog: Catalog | null, pseudo: ((text: string) => string) | null): void {
  current = { locale, catalog, pseudo };
  numbers = null;
  plurals = null;
  document.documentElement.lang = locale;
  for (const listener of listeners) listener();
}

export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function formatNumber(value: number): string {
  // A count under a thousand reads the same in every language Helptent speaks (Latin digits, no
  // grouping; a test holds each to it). Making the Intl.NumberFormat is a long task on a slow
  // phone, and the log screen shows no other number.
  if (Number.isInteger(value) && value >= 0 && value < 1000) return String(value);
  numbers ??= new Intl.NumberFormat(intlLocale());
  return numbers.format(value);
}

function fill(text: string, values: MessageValues | undefined): string {
  const shown = current.pseudo ? current.pseudo(text) : text;
  if (!values) return shown;
  return shown.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** Whether the language's catalog holds this id (English and the pseudo-locale have none). */
export function hasTranslation(id: string): boolean {
  return current.catalog?.[id] !== undefined;
}

/**
 * The template of a message in the current language, its placeholders unfilled: the form for
 * `count` when the catalog gives plural forms. For phrases the domain writes (i18n/said.ts).
 */
export function templateOf(id: string, count?: number): string {
  const text = catalogText(current.catalog, id, count, currentPlurals);
  return current.pseudo ? current.pseudo(text) : text;
}

/**
 * A catalog's text for a message id: the form for `count` when the catalog gives plural forms
 * (else `other`), the id itself when the catalog lacks it. For the UI's language and for another
 * (an attendee's, i18n/phrase-language.ts).
 */
export function catalogText(
  catalog: Catalog | null,
  id: string,
  count: number | undefined,
  pluralRules: () => Intl.PluralRules,
): string {
  const message = catalog?.[id];
  if (message === undefined) return id;
  if (typeof message === 'string') return message;
  return count === undefined ? message.other : (message[pluralRules().select(count)] ?? message.other);
}

function currentPlurals(): Intl.PluralRules {
  plurals ??= new Intl.PluralRules(intlLocale());
  return plurals;
}

/** A UI string: `t('Saved on this phone')`, `t('Logged by {name}', { name })`. */
export function t(id: string, values?: MessageValues): string {
  const message = current.catalog?.[id];
  return fill(typeof message === 'string' ? message : id, values);
}

/**
 * A string that depends on a count: `tn(n, '{count} issue', '{count} issues')`. The English
 * plural form is its id; other languages give every form their grammar has.
 */
export function tn(count: number, one: string, other: string, values?: MessageValues): string {
  const message = current.catalog?.[other];
  const form = currentPlurals().select(count);
  const text = typeof message === 'object' ? (message[form] ?? message.other) : form === 'one' ? one : other;
  return fill(text, { count, ...values });
}

/**
 * A table of English labels (severity, status…) read in the current language at each lookup,
 * so a module-level table still follows a language switch. Its values are message ids.
 */
export function translatedLabels<K extends string>(labels: Record<K, string>): Record<K, string> {
  return new Proxy(labels, {
    get: (target, key) => (typeof key === 'string' && Object.hasOwn(target, key) ? t(target[key as K]) : undefined),
  });
}

/** Marks an English string as a message id where it is declared; `t()` translates it where shown. */
export const msg = (id: string): string => id;
