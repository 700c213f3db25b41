import { describe, expect, it } from 'vitest';
import { expiredJoinedMarkerCookie, hasJoinedMarker, joinedMarkerCookie } from '../../../src/domain/joined-marker';

describe('the joined marker (a phone whose storage was wiped knows it had joined)', () => {
  it('is found among other cookies, and not in a forgotten or look-alike one', () => {
    expect(hasJoinedMarker('theme=night; helptent-joined=1; other=2')).toBe(true);
    expect(hasJoinedMarker('helptent-joined=1')).toBe(true);
    expect(hasJoinedMarker('')).toBe(false);
    expect(hasJoinedMarker('helptent-joined=')).toBe(false);
    expect(hasJoinedMarker('not-helptent-joined=1')).toBe(false);
  });

  it('is Secure only over https, lasts about 400 days, and is forgotten with Max-Age=0', () => {
    expect(joinedMarkerCookie(true)).toMatch(/; Secure$/);
    expect(joinedMarkerCookie(false)).not.toMatch(/Secure/);
    expect(joinedMarkerCookie(false)).toContain(`Max-Age=${400 * 24 * 60 * 60}`);
    expect(expiredJoinedMarkerCookie).toMatch(/^helptent-joined=; Path=\/; Max-Age=0/);
  });
});
