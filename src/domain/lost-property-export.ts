import type { FestivalEvent } from './event';
import type { Issue } from './issue';
import { operationalDayOf } from './operational-day';

type Row = Record<string, string | number | boolean | null>;

/** The lost-property register as a table: one row per found item or lost report. */
export const lostPropertyColumns = [
  'id',
  'festival_day',
  'logged_at',
  'kind',
  'item',
  'colour',
  'brand',
  'marks',
  'zone',
  'place',
  'found_or_lost_at',
  'storage',
  'state',
  'matched_with',
  'photos',
  'handed_back_at',
  'handed_back_by',
  'collected_by',
  'id_checked',
  'id_last4',
  'confirmation',
  'disposed_at',
  'disposal',
  'voided',
] as const;

export function lostPropertyExportRow(issue: Issue, event: FestivalEvent): Row {
  const lost = issue.lostProperty!;
  const handback = lost.handback;
  return {
    id: issue.id,
    festival_day: operationalDayOf(issue.createdAt, event),
    logged_at: issue.createdAt,
    kind: lost.kind,
    item: lost.item.category,
    colour: lost.item.colour,
    brand: lost.item.brand,
    marks: lost.item.marks,
    zone: event.zones.find((z) => z.id === issue.zoneId)?.name ?? '',
    place: lost.place,
    found_or_lost_at: lost.at ?? '',
    storage: lost.storage,
    state: lost.state,
    matched_with: lost.matchedWith ?? '',
    photos: (issue.photos ?? []).length,
    handed_back_at: handback?.at ?? '',
    handed_back_by: handback?.by.name ?? '',
    // The chain of custody an organizer answers for; removed with the rest after retention.
    collected_by: handback?.collectedBy ?? '',
    id_checked: handback?.idKind ?? '',
    id_last4: handback?.idLast4 ?? '',
    confirmation: handback ? (handback.confirmation.kind === 'signature' ? 'signed' : handback.confirmation.text) : '',
    disposed_at: lost.disposal?.at ?? '',
    disposal: lost.disposal ? `${lost.disposal.how}: ${lost.disposal.note}` : '',
    voided: issue.voided ? `${issue.voided.by.name}: ${issue.voided.reason}` : '',
  };
}
