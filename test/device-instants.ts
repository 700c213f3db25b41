import fc from 'fast-check';
import { isCalendarDate } from '../src/domain/operational-day';

/**
 * Device times a phone can send that the push schema still accepts, for the fuzz, the chaos run's
 * hostile phone and the domain's totality properties.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Every time a device can send: anything the push schema's instant admits (years 0000–9999, any
 * day of the calendar, leap days included, seconds with 1 to 9 digits of fraction or none,
 * offsets up to ±23:59), which is what a phone with a reset battery or a hand-set clock stamps.
 */
export const schemaInstant = fc
  .record({
    year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 1, 999, 1000, 1970, 2000, 2024, 2026, 2100, 9998, 9999)),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 29, max: 31 })),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.option(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 9 }).map((d) => d.join(''))),
    offset: fc.option(fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 })),
  })
  .filter(({ year, month, day }) => isCalendarDate(`${pad(year, 4)}-${pad(month)}-${pad(day)}`))
  .map(({ year, month, day, hour, minute, second, fraction, offset }) => {
    const zone =
      offset === null ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
    return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction === null ? '' : `.${fraction}`}${zone}`;
  });

/** The corners of that range, and the wrong clocks phones really have. */
export const instantEnds = fc.constantFrom(
  '9999-12-31T23:59:59.999Z',
  '0999-06-01T03:00:00Z',
  '0000-01-01T00:00:00+23:59',
  '0000-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59-23:59',
  '1970-01-01T00:00:00Z',
  '2026-07-10T20:00:00.000+14:00',
  '2026-07-10T20:00:00.000-12:00',
  '2024-02-29T12:00:00.123456789+05:45',
  '2026-07-10T20:00:00.1Z',
);

/** A believable time on the test event's days. */
export const believableInstant = fc
  .integer({ min: Date.UTC(2026, 6, 10), max: Date.UTC(2026, 6, 12, 23, 59) })
  .map((ms) => new Date(ms).toISOString());

export const anyInstant = fc.oneof(
  { weight: 3, arbitrary: believableInstant },
  { weight: 2, arbitrary: schemaInstant },
  { weight: 2, arbitrary: instantEnds },
);
