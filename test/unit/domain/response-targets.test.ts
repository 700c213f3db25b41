import { describe, expect, it } from 'vitest';
import { defaultEvent } from '../../../src/domain/event';
import { isWaitingTooLong } from '../../../src/domain/response-targets';

const event = defaultEvent('festival', 'Europe/Amsterdam');

describe('first-response targets', () => {
  it('flags an urgent issue after 10 minutes without a response', () => {
    const issue = { createdAt: '2026-07-10T20:00:00Z', firstResponseAt: null, severity: 'urgent' as const };
    expect(isWaitingTooLong(issue, event, new Date('2026-07-10T20:10:00Z'))).toBe(false);
    expect(isWaitingTooLong(issue, event, new Date('2026-07-10T20:10:01Z'))).toBe(true);
    expect(isWaitingTooLong({ ...issue, firstResponseAt: '2026-07-10T20:05:00Z' }, event, new Date('2026-07-11T20:00:00Z'))).toBe(
      false,
    );
  });

  it('gives a low-severity issue until the festival day ends', () => {
    const issue = { createdAt: '2026-07-10T21:00:00Z', firstResponseAt: null, severity: 'low' as const };
    expect(isWaitingTooLong(issue, event, new Date('2026-07-11T03:59:00Z'))).toBe(false); // 05:59 local, same festival day
    expect(isWaitingTooLong(issue, event, new Date('2026-07-11T04:00:00Z'))).toBe(true);
  });
});
