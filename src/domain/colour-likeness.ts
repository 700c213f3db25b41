import { type Colour, type ColourMention, colours } from './colour-vocabulary';

/**
 * How easily one colour is taken for another, 0..1. The person who lost it describes it from
 * memory, the finder under stage lights: black and dark grey, navy and black, cream and beige
 * are said of the same bag. Pairs not listed are different colours (0).
 */
const nearPairs: [Colour, Colour, number][] = [
  ['black', 'charcoal', 0.7],
  ['black', 'navy', 0.5],
  ['black', 'grey', 0.3],
  ['charcoal', 'grey', 0.8],
  ['charcoal', 'navy', 0.3],
  ['grey', 'silver', 0.8],
  ['silver', 'white', 0.3],
  ['silver', 'transparent', 0.3],
  ['white', 'cream', 0.7],
  ['white', 'transparent', 0.3],
  ['cream', 'beige', 0.8],
  ['beige', 'brown', 0.5],
  ['beige', 'gold', 0.3],
  ['beige', 'olive', 0.3],
  ['brown', 'burgundy', 0.3],
  ['brown', 'olive', 0.3],
  ['brown', 'orange', 0.3],
  ['red', 'burgundy', 0.7],
  ['red', 'pink', 0.5],
  ['red', 'orange', 0.4],
  ['burgundy', 'purple', 0.4],
  ['pink', 'purple', 0.4],
  ['orange', 'yellow', 0.4],
  ['yellow', 'gold', 0.7],
  ['gold', 'orange', 0.3],
  ['green', 'olive', 0.7],
  ['green', 'turquoise', 0.5],
  ['turquoise', 'lightblue', 0.7],
  ['turquoise', 'blue', 0.6],
  ['lightblue', 'blue', 0.8],
  ['blue', 'navy', 0.8],
  ['blue', 'purple', 0.4],
  ['navy', 'purple', 0.3],
];

/** A multicoloured item shows several colours, so any one colour is a fair description of it. */
const multicolourLikeness = 0.4;

/** The whole table, by position in `colours`: matching reads it thousands of times a run. */
const codeOf = new Map(colours.map((colour, code) => [colour, code]));
const likeness = new Float64Array(colours.length * colours.length);
for (const a of colours) {
  for (const b of colours) {
    const value = a === b ? 1 : a === 'multicolour' || b === 'multicolour' ? multicolourLikeness : 0;
    likeness[codeOf.get(a)! * colours.length + codeOf.get(b)!] = value;
  }
}
for (const [a, b, value] of nearPairs) {
  likeness[codeOf.get(a)! * colours.length + codeOf.get(b)!] = value;
  likeness[codeOf.get(b)! * colours.length + codeOf.get(a)!] = value;
}

export function colourLikeness(a: Colour, b: Colour): number {
  return likeness[codeOf.get(a)! * colours.length + codeOf.get(b)!]!;
}

function bestLikeness(colour: Colour, others: readonly ColourMention[]): number {
  let best = 0;
  for (const other of others) best = Math.max(best, colourLikeness(colour, other.colour));
  return best;
}

/** The closest pair of two descriptions' colours, for the reason shown with a match. */
export interface ColourPair {
  a: ColourMention;
  b: ColourMention;
  likeness: number;
}

function closestIn(mention: ColourMention, others: readonly ColourMention[]): ColourPair {
  let best: ColourPair = { a: mention, b: others[0]!, likeness: -1 };
  for (const other of others) {
    const value = colourLikeness(mention.colour, other.colour);
    if (value > best.likeness) best = { a: mention, b: other, likeness: value };
  }
  return best;
}

/**
 * How well two descriptions' colours agree, 0..1: each colour of one side is paired with the
 * closest of the other, averaged both ways, so "black with red stripes" against "red" agrees
 * in part rather than fully. Both lists must be non-empty.
 */
export function coloursAgreement(a: readonly ColourMention[], b: readonly ColourMention[]): number {
  let sumA = 0;
  for (const mention of a) sumA += bestLikeness(mention.colour, b);
  let sumB = 0;
  for (const mention of b) sumB += bestLikeness(mention.colour, a);
  return (sumA / a.length + sumB / b.length) / 2;
}

/** The pair that best explains the agreement (or, when nothing agrees, the first colours of each). */
export function closestColours(a: readonly ColourMention[], b: readonly ColourMention[]): ColourPair {
  let best = closestIn(a[0]!, b);
  for (const mention of a) {
    const pair = closestIn(mention, b);
    if (pair.likeness > best.likeness) best = pair;
  }
  return best;
}
