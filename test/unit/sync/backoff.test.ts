import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/sync/backoff';

describe('the wait before trying again after failures', () => {
  it('grows 1 s, 2 s, 4 s, 8 s and never passes 8 s, so a phone resumes within 10 s of the server returning', () => {
    const longest = (failures: number) => backoffDelay(failures, 0.999_999);
    expect([1, 2, 3, 4].map(longest)).toEqual([999, 1999, 3999, 7999]);
    for (let failures = 1; failures <= 1_000; failures += 1) expect(longest(failures)).toBeLessThan(10_000);
  });

  it('is spread over the whole window (full jitter), so 500 phones do not return at once', () => {
    expect(backoffDelay(10, 0)).toBe(0);
    expect(backoffDelay(10, 0.5)).toBe(4_000);
  });
});
