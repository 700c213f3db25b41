import { compareBrands, hasBrand } from './brand-likeness';
import { closestColours } from './colour-likeness';
import { itemCategoryLabels } from './lost-property';
import type { ItemFeatures } from './lost-property-features';
import { type CategoryKinship, hoursFoundAfterLost, isBrandInTexts, type WordRarity } from './lost-property-match-score';

/**
 * Why a candidate was suggested, in the few words a desk volunteer reads at a glance; what speaks
 * against it is said too ("red ≠ black"), so nobody hands over a phone on the score alone.
 */
export function matchReasons(
  target: ItemFeatures,
  candidate: ItemFeatures,
  kinship: CategoryKinship,
  rarity: WordRarity,
): string[] {
  const reasons = [categoryReason(target, candidate, kinship)];
  const colour = colourReason(target, candidate);
  if (colour) reasons.push(colour);
  const brand = brandReason(target, candidate);
  if (brand) reasons.push(brand);
  const words = wordsReason(target, candidate, rarity);
  if (words) reasons.push(words);
  const place = placeReason(target, candidate);
  if (place) reasons.push(place);
  reasons.push(timeReason(target, candidate));
  return reasons;
}

const label = (features: ItemFeatures) => itemCategoryLabels[features.category].toLowerCase();

function categoryReason(target: ItemFeatures, candidate: ItemFeatures, kinship: CategoryKinship): string {
  if (kinship === 'same') return 'same category';
  if (target.category === 'other' && candidate.category === 'other') return 'both logged as other';
  return `${kinship === 'related' ? 'related category' : 'other category'}: ${label(target)} / ${label(candidate)}`;
}

function colourReason(target: ItemFeatures, candidate: ItemFeatures): string | null {
  if (target.colours.length === 0 || candidate.colours.length === 0) return null;
  const { a, b, likeness } = closestColours(target.colours, candidate.colours);
  if (likeness === 1) return a.said === b.said ? `same colour: ${a.said}` : `${a.said} = ${b.said}`;
  return likeness > 0 ? `${a.said} ≈ ${b.said}` : `${a.said} ≠ ${b.said}`;
}

function brandReason(target: ItemFeatures, candidate: ItemFeatures): string | null {
  const [a, b] = [target.brand, candidate.brand];
  if (hasBrand(a) && hasBrand(b)) {
    switch (compareBrands(a, b)) {
      case 'same':
        return `brand ${b.said}`;
      case 'typo':
        return `brand ${a.said} ≈ ${b.said}`;
      case 'other-model':
        return `same brand, other model: ${a.said} / ${b.said}`;
      case 'same-model':
        return `same model number: ${a.said} / ${b.said}`;
      case 'different':
        return `brand ${a.said} ≠ ${b.said}`;
    }
  }
  if (hasBrand(a) && isBrandInTexts(target, candidate)) return `brand ${a.said} in the description`;
  if (hasBrand(b) && isBrandInTexts(candidate, target)) return `brand ${b.said} in the description`;
  return null;
}

/** The shared words, rarest first, as the target's side typed them. */
function wordsReason(target: ItemFeatures, candidate: ItemFeatures, rarity: WordRarity): string | null {
  const weightOf = (stem: string) => rarity.weights[rarity.stems.indexOf(stem)] ?? 0;
  const shared = [...target.words]
    .filter(([stem]) => candidate.words.has(stem))
    .sort(([x], [y]) => weightOf(y) - weightOf(x))
    .slice(0, 4)
    .map(([, said]) => said);
  return shared.length > 0 ? `words: ${shared.join(', ')}` : null;
}

function placeReason(target: ItemFeatures, candidate: ItemFeatures): string | null {
  if (target.zoneId !== null && target.zoneId === candidate.zoneId) return 'same zone';
  const shared = [...target.placeWords].filter(([stem]) => candidate.placeWords.has(stem)).map(([, said]) => said);
  return shared.length > 0 ? `place: ${shared.slice(0, 3).join(', ')}` : null;
}

export function durationText(hours: number): string {
  const minutes = Math.round(hours * 60);
  if (minutes < 90) return `${minutes} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} days`;
}

function timeReason(target: ItemFeatures, candidate: ItemFeatures): string {
  const lost = target.kind === 'lost' ? target : candidate;
  const gap = hoursFoundAfterLost(target, candidate);
  const loss = lost.isAtKnown ? 'it was lost' : 'it was reported lost';
  return `found ${durationText(Math.abs(gap))} ${gap < 0 ? 'before' : 'after'} ${loss}`;
}
