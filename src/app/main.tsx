import { render } from 'preact';
import { App } from './app';
import { reportUncaughtErrors } from './error-reporting';
import { openLocalDatabase } from './local-database';
import { registerServiceWorker } from './sw-bridge';

reportUncaughtErrors();
void openLocalDatabase();
registerServiceWorker();
render(<App />, document.getElementById('app') as HTMLElement);
