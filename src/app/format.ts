import { intlLocale, t } from './i18n/messages';

const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** 1536 → "1.5 KB"; decimal units, as phones show storage in their settings. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return t('unknown');
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
    value,
  );
  return `${number} ${unit === 0 ? t('bytes') : units[unit]}`;
}

/** 0.42 → "42%" ("42 %" in French): Intl knows each language's spacing and sign. */
export function formatPercent(share: number): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** Minutes under 90 as "12 min", longer as hours "1.5 h", in the person's language. */
export function formatDuration(minutes: number): string {
  const hours = minutes >= 90;
  return new Intl.NumberFormat(intlLocale(), {
    style: 'unit',
    unit: hours ? 'hour' : 'minute',
    unitDisplay: 'short',
    maximumFractionDigits: hours ? 1 : 0,
  }).format(hours ? minutes / 60 : minutes);
}
