import type { Severity, Status } from '../domain/issue';
import type { QueueRow } from './rows';

/** Filters as they appear in the queue's URL, so a figure elsewhere can link to a filtered queue. */
export interface QueueFilter {
  /** 'active' = anything still needing the desk (open, in progress, follow-up). */
  status: Status | 'active' | 'all';
  severity: Severity | 'all';
  category: string;
  zoneId: string;
  /** Only issues owned by the current staff member. */
  mine: boolean;
  /** A person's id, 'nobody' for unowned issues, or '' for any owner. */
  owner: string;
  publicRisk: boolean;
  followUp: boolean;
  /** Operational day "YYYY-MM-DD", or '' for every day. */
  day: string;
  /** Clock hour logged in, "0"–"23" (event timezone), or '' for any hour. */
  hour: string;
  text: string;
}

export const emptyFilter: QueueFilter = {
  status: 'active',
  severity: 'all',
  category: '',
  zoneId: '',
  mine: false,
  owner: '',
  publicRisk: false,
  followUp: false,
  day: '',
  hour: '',
  text: '',
};

const activeStatuses: readonly Status[] = ['open', 'in_progress', 'follow_up'];

export function filterQueue(rows: readonly QueueRow[], filter: QueueFilter, myId: string | null): QueueRow[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const hour = filter.hour === '' ? null : Number(filter.hour);
  return rows.filter(
    (row) =>
      (filter.status === 'all' ||
        (filter.status === 'active' ? activeStatuses.includes(row.status) : row.status === filter.status)) &&
      (filter.severity === 'all' || row.severity === filter.severity) &&
      (!filter.category || row.category === filter.category) &&
      (!filter.zoneId || row.zoneId === filter.zoneId) &&
      (!filter.mine || (myId !== null && row.owner?.id === myId)) &&
      (!filter.owner || (filter.owner === 'nobody' ? row.owner === null : row.owner?.id === filter.owner)) &&
      (!filter.publicRisk || row.hasPublicRisk) &&
      (!filter.followUp || row.needsFollowUp) &&
      (!filter.day || row.day === filter.day) &&
      (hour === null || row.hour === hour) &&
      words.every((word) => row.searchText.includes(word)),
  );
}
