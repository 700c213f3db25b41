import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import de from '../../../src/app/i18n/catalogs/de';
import es from '../../../src/app/i18n/catalogs/es';
import fr from '../../../src/app/i18n/catalogs/fr';
import nl from '../../../src/app/i18n/catalogs/nl';
import { browserLocale, staffLocales } from '../../../src/app/i18n/locales';
import { activate, type Catalog, formatNumber, t, tn } from '../../../src/app/i18n/messages';
import { pseudoLocalize } from '../../../src/app/i18n/pseudo';
import { messageIds } from './message-ids';

const ids = messageIds(join(import.meta.dirname, '../../..'));
const catalogs: Record<string, Catalog> = { nl, de, fr, es };
const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

// activate() marks the page's language; a plain object is enough outside a browser.
globalThis.document ??= { documentElement: {} } as Document;
afterEach(() => activate('en', null, null));

describe('numbers', () => {
  for (const locale of staffLocales) {
    it(`${locale}: counts read as Intl writes them, from 0 to the thousands and beyond`, () => {
      activate(locale, null, null);
      const intl = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : locale);
      for (const value of [0, 1, 7, 42, 999, 1000, 12_345, 1_234_567, 2.5, -3]) {
        expect(formatNumber(value), `${value}`).toBe(intl.format(value));
      }
    });
  }
});

describe('message catalogs', () => {
  it('finds the strings of the UI in the source', () => {
    expect(ids.length).toBeGreaterThan(700);
    expect(ids.map((m) => m.id)).toContain('Save issue');
  });

  for (const [locale, catalog] of Object.entries(catalogs)) {
    it(`${locale} translates every string, keeps its placeholders, and holds nothing stale`, () => {
      const missing = ids.filter((m) => catalog[m.id] === undefined).map((m) => `${m.id} (${m.where})`);
      expect(missing).toEqual([]);
      const known = new Set(ids.map((m) => m.id));
      expect(Object.keys(catalog).filter((id) => !known.has(id))).toEqual([]);
      for (const m of ids) {
        const message = catalog[m.id]!;
        if (m.plural) {
          expect(typeof message, m.id).toBe('object');
          if (typeof message !== 'object') continue;
          expect(message.one, `${locale} one form of ${m.id}`).toBeTruthy();
          expect(placeholders(message.other), m.id).toEqual(placeholders(m.id));
        } else {
          expect(typeof message, m.id).toBe('string');
          expect(placeholders(message as string), `${locale}: ${m.id}`).toEqual(placeholders(m.id));
        }
      }
    });
  }

  it('picks plural forms by the language’s rules and formats numbers its way', () => {
    activate('nl', nl, null);
    expect(tn(1, '{count} issue', '{count} issues')).toBe('1 melding');
    expect(tn(1234, '{count} issue', '{count} issues')).toBe('1.234 meldingen');
    activate('fr', fr, null);
    expect(tn(0, '{count} issue', '{count} issues')).toBe('0 demande');
    expect(tn(2, '{count} issue', '{count} issues')).toBe('2 demandes');
    activate('en', null, null);
    expect(tn(0, '{count} issue', '{count} issues')).toBe('0 issues');
    expect(t('Owner: {name}', { name: 'Sam' })).toBe('Owner: Sam');
  });

  it('pseudo-localizes readably, keeping placeholders, so untranslated text stands out', () => {
    expect(pseudoLocalize('Save issue')).toBe('[Šåṽé ïššûé]');
    expect(pseudoLocalize('Owner: {name}')).toBe('[Öŵñéŕ: {name}]');
    activate('en-XA', null, pseudoLocalize);
    expect(t('Owner: {name}', { name: 'Sam' })).toBe('[Öŵñéŕ: Sam]');
  });

  it('takes the first of the browser’s languages it speaks', () => {
    expect(browserLocale(['de-AT', 'en'])).toBe('de');
    expect(browserLocale(['pt-BR', 'fr-BE'])).toBe('fr');
    expect(browserLocale(['ja', 'it-IT'])).toBeNull();
    expect(browserLocale(['en-XA'])).toBe('en-XA');
  });
});
