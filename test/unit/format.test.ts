import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/app/format';

describe('formatBytes', () => {
  it('shows storage the way phone settings do', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(250_000_000)).toBe('250 MB');
    expect(formatBytes(12_300_000_000)).toBe('12.3 GB');
    expect(formatBytes(-1)).toBe('unknown');
  });
});
