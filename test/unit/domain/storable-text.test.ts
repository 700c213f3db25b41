import { describe, expect, it } from 'vitest';
import { holdsUnstorableText, storableDeep } from '../../../src/domain/storable-text';

const nul = String.fromCharCode(0);

describe('text every database can store', () => {
  it('a phone removes a NUL and marks half an emoji before it saves; whole emoji and accents stay', () => {
    const typed = { summary: `Lost${nul} wallet 👛`, notes: ['Café \uD83D', `ok`], [`k${nul}`]: 'x' };
    const clean = storableDeep(typed);
    expect(clean).toEqual({ summary: 'Lost wallet 👛', notes: ['Café \uFFFD', 'ok'], k: 'x' });
    expect(holdsUnstorableText(typed)).toBe(true);
    expect(holdsUnstorableText(clean)).toBe(false);
    expect(storableDeep({ n: 3, b: true, z: null })).toEqual({ n: 3, b: true, z: null });
  });
});
