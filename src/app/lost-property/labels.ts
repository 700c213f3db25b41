import type { Issue } from '../../domain/issue';
import type { CustodyStep, IdKind, ItemState } from '../../domain/lost-property';
import { itemPhrase } from '../../domain/lost-property-mutators';
import { t, translatedLabels } from '../i18n/messages';
import { saidValue } from '../i18n/said';

export const itemStateLabels: Record<ItemState, string> = translatedLabels({
  reported: 'not stored yet',
  stored: 'in storage',
  matched: 'matched',
  handed_back: 'handed back',
  posted: 'posted to its owner',
  disposed: 'disposed of',
  returned: 'returned to its owner',
});

export const lostReportStateLabels: Partial<Record<ItemState, string>> = translatedLabels({
  reported: 'still looking',
  matched: 'matched with a found item',
  returned: 'returned to its owner',
});

export const idKindLabels: Record<IdKind, string> = translatedLabels({
  passport: 'Passport',
  id_card: 'Identity card',
  driving_licence: 'Driving licence',
  ticket_wristband: 'Ticket or wristband',
  bank_card: 'Bank card in their name',
  other: 'Other',
});

export const custodyLabels: Record<CustodyStep, string> = translatedLabels({
  found: 'Found',
  reported_lost: 'Reported lost',
  stored: 'Stored',
  moved: 'Moved',
  matched: 'Matched',
  unmatched: 'Match undone',
  handed_back: 'Handed back',
  posted: 'Posted',
  disposed: 'Disposed of',
  returned: 'Returned',
});

export function stateLabelOf(issue: Issue): string {
  const lost = issue.lostProperty;
  if (!lost) return '';
  return lost.kind === 'lost' ? (lostReportStateLabels[lost.state] ?? itemStateLabels[lost.state]) : itemStateLabels[lost.state];
}

/** "Found: phone (black Samsung)" — what an item is called in lists, the kind of item in the person's language. */
export function itemTitleOf(issue: Issue): string {
  const lost = issue.lostProperty;
  if (!lost) return issue.summary;
  const item = saidValue(itemPhrase(lost.item));
  return lost.kind === 'found' ? t('Found: {item}', { item }) : t('Lost: {item}', { item });
}
