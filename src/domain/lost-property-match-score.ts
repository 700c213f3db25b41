import { brandAgreement, compareBrands, hasBrand } from './brand-likeness';
import { coloursAgreement } from './colour-likeness';
import { type ItemCategory, itemCategories } from './lost-property';
import type { ItemFeatures } from './lost-property-features';

/**
 * How much each clue counts in a match's score. Category is sorted on before the score (see
 * compareMatches), so its weight only makes the number honest, never the order across categories.
 */
export const clueWeights = { category: 0.25, colour: 0.25, brand: 0.15, words: 0.12, time: 0.15, place: 0.08 };

/**
 * What a clue is worth when one side does not say (no colour given, no brand): less than a clue
 * that agrees, more than one that contradicts, so a vague report still finds its item.
 */
const unknownClue = { colour: 0.3, brand: 0.3, words: 0.3, place: 0.3 };

export type CategoryKinship = 'same' | 'related' | 'different';

/**
 * Categories an item is often logged under by one side and not the other: cards live in wallets,
 * a purse is a small bag, a bum bag is worn like clothing.
 */
const relatedCategories: [ItemCategory, ItemCategory][] = [
  ['wallet', 'id_card'],
  ['wallet', 'bag'],
  ['bag', 'clothing'],
];

function kinshipOf(a: ItemCategory, b: ItemCategory): CategoryKinship {
  // "Other" says what an item is not, so two of them are no more alike than "other" and a phone.
  if (a === 'other' || b === 'other') return 'related';
  if (a === b) return 'same';
  return relatedCategories.some(([x, y]) => (x === a && y === b) || (x === b && y === a)) ? 'related' : 'different';
}

/** The kinship of any category with a given one, looked up once per category pair instead of per candidate. */
const kinships = new Map(itemCategories.map((a) => [a, new Map(itemCategories.map((b) => [b, kinshipOf(a, b)]))]));

export function categoryKinship(a: ItemCategory, b: ItemCategory): CategoryKinship {
  return kinships.get(a)!.get(b)!;
}

export const kinshipRank: Record<CategoryKinship, number> = { same: 2, related: 1, different: 0 };
const kinshipCredit: Record<CategoryKinship, number> = { same: 1, related: 0.5, different: 0 };

/** Rarity of the target's words across the candidates, so "sticker" counts more than "black". */
export interface WordRarity {
  stems: readonly string[];
  weights: readonly number[];
  /**
   * What the shared weight is measured against: the target's words, but never less than one word
   * no candidate has, so a one-word description ("bank") sharing a common word is a small clue.
   */
  scale: number;
}

/** `counts[i]`: how many of the `candidates` candidates have the target's word `stems[i]`. */
export function wordRarity(stems: readonly string[], counts: readonly number[], candidates: number): WordRarity {
  const weightOf = (count: number) => Math.log((candidates + 1) / (count + 1)) + 1;
  const weights = counts.map(weightOf);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return { stems, weights, scale: total === 0 ? 0 : Math.max(total, weightOf(0)) };
}

export function colourClue(a: ItemFeatures, b: ItemFeatures): number {
  return a.colours.length > 0 && b.colours.length > 0 ? coloursAgreement(a.colours, b.colours) : unknownClue.colour;
}

/** The maker named in the other side's texts, when only one side filled in the brand field. */
export function isBrandInTexts(branded: ItemFeatures, other: ItemFeatures): boolean {
  for (const stem of branded.brand.nameStems) if (stem.length >= 3 && other.words.has(stem)) return true;
  return false;
}

/** A brand said in passing ("found a samsung") is nearly as good as one in the brand field. */
const brandInTexts = 0.9;

export function brandClue(a: ItemFeatures, b: ItemFeatures): number {
  const aHas = hasBrand(a.brand);
  const bHas = hasBrand(b.brand);
  if (aHas && bHas) return brandAgreement[compareBrands(a.brand, b.brand)];
  if ((aHas && isBrandInTexts(a, b)) || (bHas && isBrandInTexts(b, a))) return brandInTexts;
  return unknownClue.brand;
}

/**
 * The rarity-weighted share of the target's words the candidate also has. The square root
 * because a finder writes less than an owner: one rare shared word of four is already a clue.
 */
export function wordsClue(candidate: ItemFeatures, rarity: WordRarity): number {
  if (rarity.scale === 0 || candidate.words.size === 0) return unknownClue.words;
  let shared = 0;
  for (let i = 0; i < rarity.stems.length; i += 1) if (candidate.words.has(rarity.stems[i]!)) shared += rarity.weights[i]!;
  return Math.sqrt(shared / rarity.scale);
}

/** Items are carried to the desk from elsewhere, so another zone speaks only a little against. */
const otherZone = 0.2;

export function placeClue(a: ItemFeatures, b: ItemFeatures): number {
  if (a.zoneId !== null && a.zoneId === b.zoneId) return 1;
  const smaller = Math.min(a.placeWords.size, b.placeWords.size);
  let overlap = 0;
  if (smaller > 0) {
    let shared = 0;
    for (const stem of a.placeWords.keys()) if (b.placeWords.has(stem)) shared += 1;
    overlap = shared / smaller;
  }
  if (overlap > 0) return Math.max(overlap, otherZone);
  const zonesDiffer = a.zoneId !== null && b.zoneId !== null;
  return zonesDiffer || smaller > 0 ? otherZone : unknownClue.place;
}

const hourMs = 3_600_000;
/** Clocks and memories are vague: found a little before the stated loss time is still plausible. */
const graceKnownH = 0.5;
/** With no loss time the report's own time stands in, and people report a loss hours after it. */
const graceUnknownH = 6;
/** Found items keep arriving for a day or two; plausibility halves every 12 hours after the first. */
const afterHalfLifeH = 12;
/** Found well before it was lost is near impossible: plausibility halves every hour. */
const beforeHalfLifeH = 1;

/** Hours from the loss to the finding (negative: found before it was lost). */
export function hoursFoundAfterLost(a: ItemFeatures, b: ItemFeatures): number {
  const [found, lost] = a.kind === 'found' ? [a, b] : [b, a];
  return (found.atMs - lost.atMs) / hourMs;
}

export function timeClue(a: ItemFeatures, b: ItemFeatures): number {
  const lost = a.kind === 'lost' ? a : b;
  const gap = hoursFoundAfterLost(a, b);
  const grace = lost.isAtKnown ? graceKnownH : graceUnknownH;
  if (gap < -grace) return 0.5 ** ((-gap - grace) / beforeHalfLifeH);
  return gap <= 1 ? 1 : 0.5 ** ((gap - 1) / afterHalfLifeH);
}

/** The score of one candidate for the target, 0..1. */
export function matchScore(target: ItemFeatures, candidate: ItemFeatures, kinship: CategoryKinship, rarity: WordRarity): number {
  return (
    clueWeights.category * kinshipCredit[kinship] +
    clueWeights.colour * colourClue(target, candidate) +
    clueWeights.brand * brandClue(target, candidate) +
    clueWeights.words * wordsClue(candidate, rarity) +
    clueWeights.time * timeClue(target, candidate) +
    clueWeights.place * placeClue(target, candidate)
  );
}
