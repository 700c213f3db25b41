import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateTime, operationalDayOf, previousDate } from '../../../src/domain/operational-day';

const amsterdam = { timezone: 'Europe/Amsterdam', dayStartsAt: '06:00' };

describe('operationalDayOf', () => {
  it('counts an issue at 01:30 on Saturday in Friday’s festival day', () => {
    // 2026-07-11 is a Saturday; Amsterdam is UTC+2 in summer.
    expect(operationalDayOf('2026-07-10T23:30:00Z', amsterdam)).toBe('2026-07-10');
    expect(operationalDayOf('2026-07-11T03:59:00Z', amsterdam)).toBe('2026-07-10');
    expect(operationalDayOf('2026-07-11T04:00:00Z', amsterdam)).toBe('2026-07-11');
  });

  it('reads the clock in the event’s timezone, not the phone’s', () => {
    const sameInstant = '2026-07-11T03:30:00Z';
    expect(operationalDayOf(sameInstant, amsterdam)).toBe('2026-07-10'); // 05:30 local
    expect(operationalDayOf(sameInstant, { timezone: 'Asia/Tokyo', dayStartsAt: '06:00' })).toBe('2026-07-11'); // 12:30
    expect(operationalDayOf(sameInstant, { timezone: 'America/Los_Angeles', dayStartsAt: '06:00' })).toBe('2026-07-10'); // 20:30 on the 10th
  });

  it('handles the spring-forward night (clocks 02:00 → 03:00)', () => {
    // Europe: 2026-03-29 01:00Z is the jump. 00:59Z = 01:59 CET, 01:00Z = 03:00 CEST.
    expect(operationalDayOf('2026-03-29T00:59:00Z', amsterdam)).toBe('2026-03-28');
    expect(operationalDayOf('2026-03-29T03:59:00Z', amsterdam)).toBe('2026-03-28'); // 05:59 CEST
    expect(operationalDayOf('2026-03-29T04:00:00Z', amsterdam)).toBe('2026-03-29'); // 06:00 CEST
  });

  it('handles the fall-back night (02:00–03:00 happens twice)', () => {
    // Europe: 2026-10-25 01:00Z clocks go from 03:00 CEST back to 02:00 CET.
    expect(operationalDayOf('2026-10-25T00:30:00Z', amsterdam)).toBe('2026-10-24'); // 02:30 first pass
    expect(operationalDayOf('2026-10-25T01:30:00Z', amsterdam)).toBe('2026-10-24'); // 02:30 second pass
    expect(operationalDayOf('2026-10-25T04:59:00Z', amsterdam)).toBe('2026-10-24'); // 05:59 CET
    expect(operationalDayOf('2026-10-25T05:00:00Z', amsterdam)).toBe('2026-10-25'); // 06:00 CET
  });

  it('does not flip back to the previous day when the day starts inside the repeated hour', () => {
    const boundary = { timezone: 'Europe/Amsterdam', dayStartsAt: '02:30' };
    expect(operationalDayOf('2026-10-25T00:29:00Z', boundary)).toBe('2026-10-24'); // 02:29 first pass
    expect(operationalDayOf('2026-10-25T00:45:00Z', boundary)).toBe('2026-10-25'); // 02:45 first pass
    expect(operationalDayOf('2026-10-25T01:15:00Z', boundary)).toBe('2026-10-25'); // 02:15 second pass
  });

  it('a day start inside a spring-forward gap begins when the clock jumps', () => {
    const boundary = { timezone: 'Europe/Amsterdam', dayStartsAt: '02:30' };
    expect(operationalDayOf('2026-03-29T00:59:00Z', boundary)).toBe('2026-03-28'); // 01:59 CET
    expect(operationalDayOf('2026-03-29T01:00:00Z', boundary)).toBe('2026-03-29'); // 03:00 CEST
  });

  it('rejects a time that is not one', () => {
    expect(() => operationalDayOf('not a time', amsterdam)).toThrow(RangeError);
    expect(() => operationalDayOf('2026-07-10T10:00:00Z', { timezone: 'Europe/Amsterdam', dayStartsAt: '6am' })).toThrow(
      RangeError,
    );
  });
});

const timezones = [
  'UTC',
  'Europe/Amsterdam',
  'Europe/London',
  'America/New_York',
  'America/St_Johns',
  'America/Santiago',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
];
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2032, 0, 1) });
const clock = fc
  .integer({ min: 0, max: 24 * 60 - 1 })
  .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
const boundary = fc.record({ timezone: fc.constantFrom(...timezones), dayStartsAt: clock });

describe('operationalDayOf properties', () => {
  it('is the local date or the day before it', () => {
    fc.assert(
      fc.property(instant, boundary, (t, b) => {
        const local = localDateTime(t, b.timezone).date;
        expect([local, previousDate(local)]).toContain(operationalDayOf(t, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('never goes backwards as time goes forwards, across DST changes too', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 6 * 3_600_000 }), boundary, (t, step, b) => {
        expect(operationalDayOf(t + step, b) >= operationalDayOf(t, b)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('changes day exactly once per day start: 24 hours later is the next day when no clock change is near', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom('UTC', 'Asia/Kolkata'), clock, (t, timezone, dayStartsAt) => {
        const b = { timezone, dayStartsAt };
        const today = operationalDayOf(t, b);
        const tomorrow = operationalDayOf(t + 86_400_000, b);
        expect(previousDate(tomorrow)).toBe(today);
      }),
      { numRuns: 1000 },
    );
  });
});
