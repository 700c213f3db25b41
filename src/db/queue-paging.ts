import type { QueuePage, QueueRow } from './rows';

/** Rows per page record: about 1 MB, big enough that the per-record cost disappears. */
export const queuePageRows = 2000;

/** Rows cut into page records, in order. */
export function pagesOf(rows: QueueRow[]): QueuePage[] {
  const pages: QueuePage[] = [];
  for (let i = 0; i < rows.length; i += queuePageRows) pages.push({ rows: rows.slice(i, i + queuePageRows) });
  return pages;
}
