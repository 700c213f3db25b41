import { existsSync } from 'node:fs';
import { chromiumLaunchOptions } from './chromium';

/** Fails early with the fix, instead of thirty identical launch errors. */
export default function globalSetup(): void {
  if (!existsSync(chromiumLaunchOptions.executablePath)) {
    throw new Error(
      `No Chromium at ${chromiumLaunchOptions.executablePath}. Install Debian's: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH). Playwright's own browser download does not work here.`,
    );
  }
  if (!existsSync('dist/client/index.html') || !existsSync('dist/server/main.js')) {
    throw new Error('The app is not built: run npm run build first (npm run e2e does both).');
  }
}
