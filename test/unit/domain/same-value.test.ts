import { describe, expect, it } from 'vitest';
import { sameValue } from '../../../src/domain/same-value';

describe('sameValue', () => {
  it('agrees with comparing JSON, whatever the key order', () => {
    expect(sameValue({ kind: 'phone', link: '' }, { link: '', kind: 'phone' })).toBe(true);
    expect(sameValue({ given: true, at: null }, { given: true, at: '2026-07-10T20:00:00.000Z' })).toBe(false);
    expect(sameValue(['vip', 'camping'], ['vip', 'camping'])).toBe(true);
    expect(sameValue(['vip', 'camping'], ['camping', 'vip'])).toBe(false);
    expect(sameValue(['vip'], ['vip', 'vip'])).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue('', null)).toBe(false);
    expect(sameValue(0, '0')).toBe(false);
    expect(sameValue({ owner: { id: 'a', name: 'Sam' } }, { owner: { id: 'a', name: 'Sam' } })).toBe(true);
    expect(sameValue({ owner: { id: 'a', name: 'Sam' } }, { owner: { id: 'a', name: 'Kim' } })).toBe(false);
    expect(sameValue([], {})).toBe(false);
  });

  it('treats a key set to undefined as absent, as JSON does', () => {
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: null })).toBe(false);
  });
});
