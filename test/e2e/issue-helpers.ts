import { expect, type Page } from '@playwright/test';
import { waitForServiceWorker } from './helpers';

/** Opens the app once with signal, then cuts the network: everything after runs offline. */
export async function openOffline(page: Page): Promise<void> {
  await page.goto('/');
  await waitForServiceWorker(page);
  await page.context().setOffline(true);
  await page.reload();
}

export async function startAs(page: Page, name: string, role: 'Staff' | 'Coordinator' | 'Organizer' = 'Staff'): Promise<void> {
  await page.goto('/settings');
  const form = page.getByRole('form', { name: 'Add a person to this phone' });
  await form.getByLabel('Your name').fill(name);
  await form.getByLabel('Your role').selectOption({ label: role });
  await form.getByRole('button', { name: /^(Start logging|Switch to this person)$/ }).click();
  await expect(page.getByTestId('current-staff')).toHaveText(new RegExp(`^${name} \\(${role}\\)$`));
}

export async function logIssue(page: Page, category: string, summary: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('radio', { name: category }).check();
  await page.getByRole('textbox', { name: /What happened\?/ }).fill(summary);
  await page.getByRole('button', { name: 'Save issue' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this phone' })).toContainText(summary);
}
