import { ChoiceTiles } from '../components/fields';
import { hasChosenLanguage, rememberLanguage } from '../i18n/language-choice';
import { switchLocale } from '../i18n/load-locale';
import { endonyms, type StaffLocale, staffLocales } from '../i18n/locales';
import { activeLocale, t } from '../i18n/messages';
import { useSession } from '../session';

/**
 * Settings → Language: each person's own, so a shared phone changes language when someone else
 * signs in. Until a person picks one, the phone follows the browser's languages, else the festival's.
 */
export function LanguageSection() {
  const { staff } = useSession();
  const person = staff.current;
  const choose = (locale: string) => {
    rememberLanguage(person?.id ?? null, locale as StaffLocale, true);
    void switchLocale(locale as StaffLocale);
  };
  return (
    <section aria-labelledby="language-title" class="card">
      <h2 id="language-title">{t('Language')}</h2>
      <ChoiceTiles
        legend={person ? t('Language for {name}', { name: person.name }) : t('Language on this phone')}
        compact
        value={activeLocale()}
        options={staffLocales.map((locale) => ({ value: locale, label: endonyms[locale], lang: locale }))}
        onChange={choose}
      />
      <p class="muted">
        {hasChosenLanguage(person?.id ?? null)
          ? t('Your choice: this phone switches to it whenever you are the one using it.')
          : t(
              'Follows the browser’s language until you choose one, or the festival’s language if Helptent does not speak the browser’s.',
            )}
      </p>
    </section>
  );
}
