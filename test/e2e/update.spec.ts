import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectScreen, startServer, waitForServiceWorker } from './helpers';

/** Replaces the served files in place, as a deployment onto the box would. */
function deploy(from: string, to: string): void {
  for (const entry of readdirSync(to)) rmSync(join(to, entry), { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}

test('a new deployment is offered with a prompt, never swapped in silently', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'one real second build is enough; the flow is the same on desktop');
  test.setTimeout(120_000);
  const work = mkdtempSync(join(tmpdir(), 'helptent-update-'));
  const served = join(work, 'served');
  const next = join(work, 'next');
  cpSync('dist/client', served, { recursive: true });
  const server = await startServer({ HELPTENT_STATIC_DIR: served });
  try {
    await page.goto(`${server.url}/settings`);
    await expectScreen(page, 'Settings');
    await waitForServiceWorker(page);
    const oldVersion = await page.getByTestId('app-version').textContent();
    expect(oldVersion).not.toContain('e2e-next');

    execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'error'], {
      env: { ...process.env, HELPTENT_BUILD: 'e2e-next', HELPTENT_OUT_DIR: next },
      stdio: 'pipe',
    });
    deploy(next, served);

    await page.getByRole('button', { name: 'Check for a new version' }).click();
    await expect(page.getByRole('status')).toContainText('A new version of Helptent is ready');
    // The old code keeps running until the person chooses.
    await page.waitForTimeout(500);
    await expect(page.getByTestId('app-version')).toHaveText(oldVersion!);

    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByTestId('app-version')).toContainText('e2e-next');
    await expect(page.getByRole('status')).toHaveCount(0);
  } finally {
    await server.stop('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  }
});
