import type { DemoZone } from './demo-category-profiles';

/**
 * What staff type for one kind of issue, as templates. {item}, {act}, {otherAct}, {person},
 * {stall}, {amount}, {ref}, {bus}, {zone}, {spot} and {time} are chosen once per issue, so the
 * summary, notes and resolution of an issue talk about the same wallet at the same bar.
 */
export interface Scenario {
  summary: string;
  details: string[];
  told: string[];
  resolutions: string[];
  /** Notes for this situation, when the category's general notes would not fit. */
  notes?: string[];
  /** Where this happens, when narrower than the category's usual zones. */
  zones?: DemoZone[];
}

export interface CategoryTexts {
  scenarios: Scenario[];
  /** Notes staff add while working any issue of the category. */
  notes: string[];
  /** Resolution when the desk could not finish it tonight and someone follows up. */
  followUp?: string;
  tags?: string[];
}
