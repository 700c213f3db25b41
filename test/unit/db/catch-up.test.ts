import { describe, expect, it } from 'vitest';
import { catchUpAfter } from '../../../src/db/sync-repository';

describe('a catch-up counts on page by page', () => {
  it('starts at the first full page, with the total the server gave', () => {
    expect(catchUpAfter(undefined, { hasMore: true, remaining: 20_800 }, 200)).toEqual({ fetched: 200, total: 21_000 });
  });

  it('goes on from where a round before it stopped', () => {
    expect(catchUpAfter({ fetched: 2200, total: 21_000 }, { hasMore: true, remaining: 16_800 }, 2000)).toEqual({
      fetched: 4200,
      total: 21_000,
    });
  });

  it('grows its total when issues change while it runs', () => {
    expect(catchUpAfter({ fetched: 200, total: 1000 }, { hasMore: true, remaining: 850 }, 100)).toEqual({
      fetched: 300,
      total: 1150,
    });
  });

  it('counts without a total from a server that does not say how many remain', () => {
    expect(catchUpAfter({ fetched: 200, total: null }, { hasMore: true }, 2000)).toEqual({ fetched: 2200, total: null });
  });

  it('ends with the last page, and an ordinary poll never starts one', () => {
    expect(catchUpAfter({ fetched: 20_000, total: 21_000 }, { hasMore: false }, 1000)).toBeNull();
    expect(catchUpAfter(null, { hasMore: false }, 3)).toBeNull();
  });
});
