/**
 * The lost-property desk: found items handed in and lost reports from attendees, both issues of
 * the lost-property category with an item description, so they sync, merge and show on the
 * timeline like any other issue. The timeline entries that carry a `custody` step are the
 * item's chain of custody.
 */
import type { PersonRef } from './person-ref';

export const lostPropertyKinds = ['found', 'lost'] as const;
export type LostPropertyKind = (typeof lostPropertyKinds)[number];

export const itemCategories = ['phone', 'wallet', 'keys', 'bag', 'id_card', 'glasses', 'jewellery', 'clothing', 'other'] as const;
export type ItemCategory = (typeof itemCategories)[number];

export const itemCategoryLabels: Record<ItemCategory, string> = {
  phone: 'Phone',
  wallet: 'Wallet or purse',
  keys: 'Keys',
  bag: 'Bag',
  id_card: 'ID or card',
  glasses: 'Glasses',
  jewellery: 'Jewellery',
  clothing: 'Clothing',
  other: 'Other',
};

/**
 * Where an item is: a found item is stored, matched to a report, handed back, posted to its
 * owner or disposed of; a lost report is open, matched to a found item, or returned.
 */
export const itemStates = ['reported', 'stored', 'matched', 'handed_back', 'posted', 'disposed', 'returned'] as const;
export type ItemState = (typeof itemStates)[number];

/** The steps of a chain of custody, as timeline entries carry them. */
export const custodySteps = [
  'found',
  'reported_lost',
  'stored',
  'moved',
  'matched',
  'unmatched',
  'handed_back',
  'posted',
  'disposed',
  'returned',
] as const;
export type CustodyStep = (typeof custodySteps)[number];

export const idKinds = ['passport', 'id_card', 'driving_licence', 'ticket_wristband', 'bank_card', 'other'] as const;
export type IdKind = (typeof idKinds)[number];

export interface ItemDescription {
  category: ItemCategory;
  colour: string;
  /** Brand or model ("iPhone 13", "Eastpak"). */
  brand: string;
  /** Distinguishing marks: stickers, engravings, contents, a name inside. */
  marks: string;
}

/** How the person collecting confirmed: a drawn signature (SVG path data) or typed words. */
export type HandbackConfirmation = { kind: 'signature'; path: string } | { kind: 'typed'; text: string };

export interface Handback {
  collectedBy: string;
  idKind: IdKind;
  /** Only the last four characters of the ID document's number: enough to check, not to copy. */
  idLast4: string;
  confirmation: HandbackConfirmation;
  by: PersonRef;
  at: string;
}

export interface Disposal {
  how: 'posted' | 'disposed';
  note: string;
  by: PersonRef;
  at: string;
}

export interface LostProperty {
  kind: LostPropertyKind;
  item: ItemDescription;
  /** Where it was found or lost, in words (the zone names the area). */
  place: string;
  /** When it was found or lost, as well as anyone knows; null when unknown. */
  at: string | null;
  /** Bin or shelf label of a stored found item ('' when not stored). */
  storage: string;
  state: ItemState;
  /** The issue on the other side of a confirmed match. */
  matchedWith: string | null;
  handback: Handback | null;
  disposal: Disposal | null;
}
