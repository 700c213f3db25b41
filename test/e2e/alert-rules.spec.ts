import { expect, test } from '@playwright/test';
import { alertBanner, logUrgentIssue } from './alert-helpers';
import { expectNoViolations } from './axe';
import { startServer } from './helpers';
import { logIssue } from './issue-helpers';
import { createEventWithCodes, joinedDevice } from './sync-helpers';

// Several browsers and a server of their own: run once, in the phone project.
test.skip(({ isMobile }) => !isMobile, 'multi-device flows run once, in the phone project');
test.setTimeout(120_000);

test("a coordinator turns urgent alerts off in Settings: an urgent issue no longer rings the coordinator's phone, a medical case still does", async ({
  browser,
}) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const sam = await joinedDevice(browser, server.url, codes.staff, 'Sam');
    const cas = await joinedDevice(browser, server.url, codes.coordinator, 'Cas');

    // Staff phones have no such section.
    await sam.page.goto('/settings');
    await expect(sam.page.getByRole('heading', { name: 'Alerts on this phone' })).toBeVisible();
    await expect(sam.page.getByRole('heading', { name: 'Alerts: who is told' })).toHaveCount(0);

    await cas.page.goto('/settings');
    const rules = cas.page.getByRole('form', { name: 'Alerts: who is told' });
    await expect(rules).toBeVisible();
    await expectNoViolations(cas.page, 'Settings with alert rules');
    const urgent = rules.getByRole('group', { name: 'Urgent issue' });
    // Out of the box: on, coordinators first, up after 3 minutes.
    await expect(urgent.getByRole('checkbox', { name: 'Alert for “Urgent issue”' })).toBeChecked();
    await expect(urgent.getByLabel('Who is told first: Urgent issue')).toHaveValue('coordinator');
    await expect(urgent.getByLabel('Unanswered, goes up after (minutes): Urgent issue')).toHaveValue('3');
    // Every control is a 48 px target.
    for (const control of [
      urgent.getByText('Alert for “Urgent issue”'),
      urgent.getByLabel('Who is told first: Urgent issue'),
      urgent.getByLabel('Unanswered, goes up after (minutes): Urgent issue'),
    ]) {
      expect((await control.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(48);
    }

    await urgent.getByRole('checkbox', { name: 'Alert for “Urgent issue”' }).uncheck();
    await expect(urgent.getByLabel('Who is told first: Urgent issue')).toHaveCount(0);
    await rules.getByRole('button', { name: 'Save who is told' }).click();
    await expect(rules.getByRole('status')).toHaveText(/Saved on this phone/);
    await expect(cas.page.getByTestId('event-changes')).toContainText('alerts: Urgent issue off');
    await expect(cas.page.getByTestId('pending-changes')).toHaveText('No changes waiting.', { timeout: 20_000 });
    await expectNoViolations(cas.page, 'Settings after saving alert rules');

    await cas.page.goto('/queue');
    await logUrgentIssue(sam.page, 'Safety & security', 'Crush at the main gate');
    await logIssue(sam.page, 'Medical or welfare', 'Fainted by the bar');
    await expect(alertBanner(cas.page, 'Fainted by the bar')).toBeVisible({ timeout: 30_000 });
    // Sent before the medical case, so it would be here by now if it rang at all.
    await expect(alertBanner(cas.page, 'Crush at the main gate')).toHaveCount(0);
    await expect(cas.page.getByRole('list', { name: 'Issues' })).toContainText('Crush at the main gate', { timeout: 20_000 });
  } finally {
    await server.stop('SIGKILL');
  }
});
