import { intlLocale } from './i18n/messages';
import { formatWhen } from './labels';
import { nextTask } from './next-task';

/**
 * The log screen shows a time on the event's clock (the sync line), and the first Intl object a
 * page makes loads the browser's locale, number and calendar data: one long task on a slow
 * phone, in the middle of drawing the screen. Made ahead, step by step while the screen's data
 * is read, each step is a task of its own: the locale's data, then the time formatters the sync
 * line uses, which it then finds made.
 */
export async function warmUpIntl(timezone: string): Promise<void> {
  try {
    await nextTask();
    if (typeof Intl.Locale === 'function') new Intl.Locale(intlLocale(timezone)).maximize();
    await nextTask();
    formatWhen(new Date().toISOString(), timezone);
  } catch {
    // Only a head start: the screen makes what it needs itself, and reports what fails then.
  }
}
