import { expect, type Page } from '@playwright/test';

/** Settings → Language, for the person using the phone; the screen re-renders in it. */
export async function chooseLanguage(page: Page, endonym: string, lang: string): Promise<void> {
  await page.goto('/settings');
  await page.getByRole('radio', { name: endonym }).check();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/**
 * The pseudo-locale (en-XA) for the person using the phone: every catalog string accented and
 * bracketed. It is never offered in Settings; a test sets it where Settings keeps the choice.
 */
export async function choosePseudoLocale(page: Page): Promise<void> {
  await chooseLanguage(page, 'Nederlands', 'nl');
  await page.evaluate(() => {
    const choices = JSON.parse(localStorage.getItem('helptent-languages') ?? '{}') as Record<string, string>;
    for (const person of Object.keys(choices)) choices[person] = 'en-XA';
    localStorage.setItem('helptent-languages', JSON.stringify(choices));
  });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
}

/**
 * Visible text on the page that did not go through the catalog: in the pseudo-locale every
 * catalog string is in [brackets], so any run of ASCII letters left outside brackets is English
 * typed into a component. `allowed` is what the test typed itself (user data) and other text
 * that is not UI: the brand, storage units, weekday and month names Intl writes.
 */
export async function untranslatedText(
  page: Page,
  allowed: readonly string[],
  storedText: readonly string[] = [],
): Promise<string[]> {
  const texts = await page.evaluate((skipped) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim()) continue;
      // A language named in itself ("Deutsch") carries its own lang; ids and code are not words.
      if (parent.closest('[lang]:not(html), code, script, style, [data-testid="app-version"]')) continue;
      if (skipped.length > 0 && parent.closest(skipped.join(', '))) continue;
      if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      found.push(node.textContent.trim());
    }
    for (const element of document.querySelectorAll<HTMLElement>('[aria-label], [placeholder], [title], img[alt]')) {
      for (const attribute of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = element.getAttribute(attribute);
        if (value) found.push(value);
      }
    }
    found.push(document.title);
    return found;
  }, storedText);
  const leftovers: string[] = [];
  for (const text of texts) {
    let rest = text;
    for (const value of allowed) rest = rest.split(value).join(' ');
    // Nested messages ("[Šţåţûš: [Öþéñ]]") lose their innermost brackets first.
    for (let previous = ''; previous !== rest; ) {
      previous = rest;
      rest = rest.replace(/\[[^[\]]*\]/g, ' ');
    }
    if (/[A-Za-z]{2,}/.test(rest)) leftovers.push(text);
  }
  return leftovers;
}

/** Words that are not UI strings: the brand, units and the names Intl gives days, months and durations. */
export const notUiText = [
  'Helptent',
  'KB',
  'MB',
  'GB',
  // formatDuration: Intl's short units in the pseudo-locale's English ("12 mins", "1.5 hrs").
  ...['mins', 'min', 'hrs', 'hr'],
  ...['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  ...['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
];
