import { expect, type Page } from '@playwright/test';

/** Logs an issue of this category with severity urgent, from the capture screen. */
export async function logUrgentIssue(page: Page, category: string, summary: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('radio', { name: category }).check();
  await page.getByRole('textbox', { name: /What happened\?/ }).fill(summary);
  await page.getByText('More details (optional)').click();
  await page.getByRole('radio', { name: 'Urgent' }).check();
  await page.getByRole('button', { name: 'Save issue' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this phone' })).toBeVisible();
}

/** The in-app alert banner about an issue, on whatever screen the phone shows. */
export function alertBanner(page: Page, summary: string) {
  return page.getByRole('alert').filter({ hasText: summary });
}
