import { emptyFilter, type QueueFilter } from '../../db/queue-filter';

const booleanKeys = ['mine', 'publicRisk', 'followUp'] as const;
const stringKeys = ['status', 'severity', 'category', 'zoneId', 'owner', 'day', 'hour', 'text'] as const;

/** The queue's filters live in its URL: shareable, restorable, and linkable from the summary. */
export function filterFromQuery(query: Record<string, string>): QueueFilter {
  const filter: QueueFilter = { ...emptyFilter };
  const target = filter as unknown as Record<string, unknown>;
  for (const key of stringKeys) if (query[key] !== undefined) target[key] = query[key];
  for (const key of booleanKeys) if (query[key] !== undefined) target[key] = query[key] === '1';
  return filter;
}

export function queueUrl(filter: QueueFilter): string {
  const params = new URLSearchParams();
  for (const key of stringKeys) if (filter[key] !== emptyFilter[key]) params.set(key, filter[key]);
  for (const key of booleanKeys) if (filter[key]) params.set(key, '1');
  const query = params.toString();
  return query ? `/queue?${query}` : '/queue';
}

export function activeFilterCount(filter: QueueFilter): number {
  return [...stringKeys.filter((k) => k !== 'text' && filter[k] !== emptyFilter[k]), ...booleanKeys.filter((k) => filter[k])]
    .length;
}
