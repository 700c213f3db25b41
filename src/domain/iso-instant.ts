function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The number written by `count` digits at `at`; NaN if one of them is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Milliseconds since the epoch of an ISO 8601 time, or NaN. Every stamp a device writes has the
 * shape Date#toISOString gives ("2026-07-10T21:04:05.123Z"), and a summary reads a few hundred
 * thousand of them: that shape is read digit by digit, several times faster than Date.parse,
 * which still judges anything else (offsets, no milliseconds, "2026-02-30", a letter for a digit).
 */
export function instantMs(iso: string): number {
  if (
    iso.length !== 24 ||
    iso.charCodeAt(23) !== 90 /* Z */ ||
    iso.charCodeAt(10) !== 84 /* T */ ||
    iso.charCodeAt(19) !== 46 /* . */ ||
    iso.charCodeAt(4) !== 45 /* - */ ||
    iso.charCodeAt(7) !== 45 ||
    iso.charCodeAt(13) !== 58 /* : */ ||
    iso.charCodeAt(16) !== 58
  ) {
    return Date.parse(iso);
  }
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 2);
  const day = digitsAt(iso, 8, 2);
  const hour = digitsAt(iso, 11, 2);
  const minute = digitsAt(iso, 14, 2);
  const second = digitsAt(iso, 17, 2);
  const millis = digitsAt(iso, 20, 3);
  // NaN (a letter for a digit) fails every comparison below, so it goes to Date.parse as well.
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return Date.parse(iso);
  if (!(hour <= 23 && minute <= 59 && second <= 59 && millis >= 0 && year >= 0)) return Date.parse(iso);
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis;
}
