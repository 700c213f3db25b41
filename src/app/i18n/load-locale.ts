import type { StaffLocale, UiLocale } from './locales';
import { activate, activeLocale, type Catalog } from './messages';

// One lazy chunk per language: the phone downloads (and the service worker precaches) them
// apart from the first load, so English costs nothing and each language costs only itself.
const catalogs: Record<Exclude<UiLocale, 'en' | 'en-XA'>, () => Promise<{ default: Catalog }>> = {
  nl: () => import('./catalogs/nl'),
  de: () => import('./catalogs/de'),
  fr: () => import('./catalogs/fr'),
  es: () => import('./catalogs/es'),
};

/** A staff language's catalog; English, the source, has none. */
export async function loadCatalog(locale: StaffLocale): Promise<Catalog | null> {
  return locale === 'en' ? null : (await catalogs[locale]()).default;
}

let loading: UiLocale | null = null;

/** Loads the language's catalog, then switches the UI to it (English at once). */
export async function switchLocale(locale: UiLocale): Promise<void> {
  if (locale === activeLocale() && loading === null) return;
  loading = locale;
  try {
    if (locale === 'en') {
      activate('en', null, null);
    } else if (locale === 'en-XA') {
      const { pseudoLocalize } = await import('./pseudo');
      if (loading === locale) activate(locale, null, pseudoLocalize);
    } else {
      const catalog = await loadCatalog(locale);
      if (loading === locale) activate(locale, catalog, null);
    }
  } finally {
    if (loading === locale) loading = null;
  }
}
