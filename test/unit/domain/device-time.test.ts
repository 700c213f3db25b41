import { describe, expect, it } from 'vitest';
import { judgeDeviceTime } from '../../../src/domain/device-time';

const received = '2026-07-10T21:00:00.000Z';
const earliest = () => Date.parse('2026-06-26T00:00:00Z');

describe('judging a device time', () => {
  it('keeps a believable time as the phone wrote it when it is in the shape phones write', () => {
    expect(judgeDeviceTime('2026-07-10T20:59:00.000Z', received, earliest)).toEqual({ at: '2026-07-10T20:59:00.000Z' });
  });

  it('writes a believable time with an offset or more digits as the same instant in UTC, so times sort as strings', () => {
    expect(judgeDeviceTime('2026-07-10T20:00:00.000+14:00', received, earliest)).toEqual({ at: '2026-07-10T06:00:00.000Z' });
    expect(judgeDeviceTime('2026-07-10T08:30:00-12:00', received, earliest)).toEqual({ at: '2026-07-10T20:30:00.000Z' });
    expect(judgeDeviceTime('2026-07-10T20:00:00.123456789Z', received, earliest)).toEqual({ at: '2026-07-10T20:00:00.123Z' });
  });

  it('puts the server’s time in place of an impossible one and keeps the claim as written', () => {
    expect(judgeDeviceTime('9999-12-31T23:59:59-23:59', received, earliest)).toEqual({
      at: received,
      deviceAt: '9999-12-31T23:59:59-23:59',
    });
  });
});
