import { render } from 'preact';
import { App } from './app';
import { preloadChangeCode } from './changes';
import { reportUncaughtErrors } from './error-reporting';
import { openLocalDatabase } from './local-database';
import { registerServiceWorker } from './sw-bridge';
import { applyTheme, readTheme } from './theme';

applyTheme(readTheme());
reportUncaughtErrors();
void openLocalDatabase();
registerServiceWorker();
render(<App />, document.getElementById('app') as HTMLElement);
preloadChangeCode();
