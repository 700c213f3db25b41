import { render } from 'preact';
import { App } from './app';
import { preloadChangeCode } from './changes';
import { reportUncaughtErrors } from './error-reporting';
import { startLanguage } from './i18n/language-choice';
import { switchLocale } from './i18n/load-locale';
import { openLocalDatabase } from './local-database';
import { nextTask } from './next-task';
import { registerServiceWorker } from './sw-bridge';
import { applyTheme, readTheme } from './theme';

applyTheme(readTheme());
reportUncaughtErrors();
void openLocalDatabase();
registerServiceWorker();
// The language of whoever used the phone last, loaded before the first render: nobody sees
// English flash by. English has no catalog to load, so it renders at once.
const firstLocale = startLanguage();
const start = () => {
  render(<App />, document.getElementById('app') as HTMLElement);
  preloadChangeCode();
};
// Drawn in a task after the one that ran the app's code: two shorter tasks on a slow phone.
if (firstLocale === 'en') void nextTask().then(start);
else void switchLocale(firstLocale).then(start, start);
