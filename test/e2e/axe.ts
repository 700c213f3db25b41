import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * `colours: false` leaves out colour contrast, axe's slowest rule: for a scan that changes only
 * what the text says (another language), since the colours are those scanned in both themes.
 */
export async function expectNoViolations(page: Page, where: string, options: { colours?: boolean } = {}): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (options.colours === false) builder.disableRules(['color-contrast', 'color-contrast-enhanced']);
  const results = await builder.analyze();
  expect(
    results.violations.map((v) => `${where}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}
