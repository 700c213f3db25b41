import { compareBrands, hasBrand } from './brand-likeness';
import { closestColours } from './colour-likeness';
import type { ItemFeatures } from './lost-property-features';
import { type CategoryKinship, hoursFoundAfterLost, isBrandInTexts, type WordRarity } from './lost-property-match-score';
import { code, type Phrase, say } from './phrase';

/**
 * Why a candidate was suggested, in the few words a desk volunteer reads at a glance; what speaks
 * against it is said too ("red ≠ black"), so nobody hands over a phone on the score alone. As
 * phrases, said in the volunteer's language; colours, brands and words as staff typed them.
 */
export function matchReasons(
  target: ItemFeatures,
  candidate: ItemFeatures,
  kinship: CategoryKinship,
  rarity: WordRarity,
): Phrase[] {
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

function categoryReason(target: ItemFeatures, candidate: ItemFeatures, kinship: CategoryKinship): Phrase {
  if (kinship === 'same') return say('same category');
  if (target.category === 'other' && candidate.category === 'other') return say('both logged as other');
  const categories = { a: code('itemCategory', target.category), b: code('itemCategory', candidate.category) };
  return kinship === 'related' ? say('related category: {a} / {b}', categories) : say('other category: {a} / {b}', categories);
}

function colourReason(target: ItemFeatures, candidate: ItemFeatures): Phrase | null {
  if (target.colours.length === 0 || candidate.colours.length === 0) return null;
  const { a, b, likeness } = closestColours(target.colours, candidate.colours);
  const colours = { a: a.said, b: b.said };
  if (likeness === 1) return a.said === b.said ? say('same colour: {colour}', { colour: a.said }) : say('{a} = {b}', colours);
  return likeness > 0 ? say('{a} ≈ {b}', colours) : say('{a} ≠ {b}', colours);
}

function brandReason(target: ItemFeatures, candidate: ItemFeatures): Phrase | null {
  const [a, b] = [target.brand, candidate.brand];
  if (hasBrand(a) && hasBrand(b)) {
    const brands = { a: a.said, b: b.said };
    switch (compareBrands(a, b)) {
      case 'same':
        return say('brand {brand}', { brand: b.said });
      case 'typo':
        return say('brand {a} ≈ {b}', brands);
      case 'other-model':
        return say('same brand, other model: {a} / {b}', brands);
      case 'same-model':
        return say('same model number: {a} / {b}', brands);
      case 'different':
        return say('brand {a} ≠ {b}', brands);
    }
  }
  if (hasBrand(a) && isBrandInTexts(target, candidate)) return say('brand {brand} in the description', { brand: a.said });
  if (hasBrand(b) && isBrandInTexts(candidate, target)) return say('brand {brand} in the description', { brand: b.said });
  return null;
}

/** The shared words, rarest first, as the target's side typed them. */
function wordsReason(target: ItemFeatures, candidate: ItemFeatures, rarity: WordRarity): Phrase | null {
  const weightOf = (stem: string) => rarity.weights[rarity.stems.indexOf(stem)] ?? 0;
  const shared = [...target.words]
    .filter(([stem]) => candidate.words.has(stem))
    .sort(([x], [y]) => weightOf(y) - weightOf(x))
    .slice(0, 4)
    .map(([, said]) => said);
  return shared.length > 0 ? say('words: {words}', { words: shared }) : null;
}

function placeReason(target: ItemFeatures, candidate: ItemFeatures): Phrase | null {
  if (target.zoneId !== null && target.zoneId === candidate.zoneId) return say('same zone');
  const shared = [...target.placeWords].filter(([stem]) => candidate.placeWords.has(stem)).map(([, said]) => said);
  return shared.length > 0 ? say('place: {words}', { words: shared.slice(0, 3) }) : null;
}

export function duration(hours: number): Phrase {
  const minutes = Math.round(hours * 60);
  if (minutes < 90) return say('{minutes} min', { minutes });
  if (hours < 48) return say('{hours} h', { hours: Math.round(hours) });
  return say('{days} days', { days: Math.round(hours / 24) });
}

function timeReason(target: ItemFeatures, candidate: ItemFeatures): Phrase {
  const lost = target.kind === 'lost' ? target : candidate;
  const gap = hoursFoundAfterLost(target, candidate);
  const value = { duration: duration(Math.abs(gap)) };
  if (lost.isAtKnown) {
    return gap < 0 ? say('found {duration} before it was lost', value) : say('found {duration} after it was lost', value);
  }
  return gap < 0
    ? say('found {duration} before it was reported lost', value)
    : say('found {duration} after it was reported lost', value);
}
