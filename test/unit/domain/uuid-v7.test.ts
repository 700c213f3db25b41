import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidPattern, uuidV7 } from '../../../src/domain/uuid-v7';

describe('uuidV7', () => {
  it('is a version-7, RFC 9562 variant UUID', () => {
    const id = uuidV7(Date.UTC(2026, 6, 10), new Uint8Array(10).fill(0xff));
    expect(id).toMatch(uuidPattern);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('sorts by creation time, so newer issues sit at the end of the index', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 47 }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (t, dt, r1, r2) => uuidV7(t, r1) < uuidV7(t + dt, r2),
      ),
    );
  });
});
