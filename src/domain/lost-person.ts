/**
 * A lost person: a structured description every phone on duty gets with the alert, "found" and
 * "reunited" as steps of their own, and who collected a child and how their identity was checked.
 * Once the case is finished, phones no longer receive the description (lost-person-visibility.ts):
 * the server's record keeps it for the organizer and the retention rules remove it later.
 */
import type { IdKind } from './lost-property';
import type { PersonRef } from './person-ref';

export interface LostPersonDescription {
  name: string;
  /** As said: "about 7", "70s". */
  age: string;
  clothing: string;
  lastSeenPlace: string;
  lastSeenAt: string | null;
  /** Who is looking for them and how to reach that person at the desk ("mother, waiting at info tent"). */
  lookingForThem: string;
}

export const lostPersonStates = ['missing', 'found', 'reunited'] as const;
export type LostPersonState = (typeof lostPersonStates)[number];

export interface Reunion {
  collectedBy: string;
  /** How they are related: "father", "friend". */
  relation: string;
  idKind: IdKind;
  idLast4: string;
  by: PersonRef;
  at: string;
}

export interface LostPersonCase {
  /** Null on a phone once the case is finished: the description is not carried around any more. */
  description: LostPersonDescription | null;
  state: LostPersonState;
  foundAt: string | null;
  foundWhere: string;
  reunion: Reunion | null;
}

export const lostPersonStateLabels: Record<LostPersonState, string> = {
  missing: 'still missing',
  found: 'found, waiting to be collected',
  reunited: 'reunited',
};
