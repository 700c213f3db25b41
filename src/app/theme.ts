/**
 * Sunlight (high contrast, light) or night (dark) theme. It is a preference of this phone's
 * screen, not festival data, so it lives in localStorage and applies before the first render.
 */
export type ThemeChoice = 'system' | 'sunlight' | 'night';

// index.html's inline script reads this key and these values before the first paint.
const key = 'helptent-theme';

export function readTheme(): ThemeChoice {
  try {
    const value = localStorage.getItem(key);
    return value === 'sunlight' || value === 'night' ? value : 'system';
  } catch {
    return 'system';
  }
}

export function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', choice);
  const dark = choice === 'night' || (choice === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', dark ? '#05080c' : '#12263a');
}

export function saveTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(key);
    else localStorage.setItem(key, choice);
  } catch {
    // Storage blocked: the choice still applies until the page closes.
  }
  applyTheme(choice);
}
