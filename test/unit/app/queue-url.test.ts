import { describe, expect, it } from 'vitest';
import { activeFilterCount, filterFromQuery, queueUrl } from '../../../src/app/queue/queue-url';
import { emptyFilter } from '../../../src/db/queue-filter';

describe('queue filters in the URL', () => {
  it('round-trips every filter, and the default queue has a bare URL', () => {
    const filter = {
      ...emptyFilter,
      status: 'all' as const,
      category: 'cashless',
      day: '2026-07-11',
      mine: true,
      publicRisk: true,
      text: 'beer',
    };
    const url = queueUrl(filter);
    expect(url).toBe('/queue?status=all&category=cashless&day=2026-07-11&text=beer&mine=1&publicRisk=1');
    expect(filterFromQuery(Object.fromEntries(new URL(url, 'http://x').searchParams))).toEqual(filter);
    expect(queueUrl(emptyFilter)).toBe('/queue');
    expect(activeFilterCount(filter)).toBe(5);
  });
});
