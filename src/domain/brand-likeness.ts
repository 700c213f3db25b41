import { foldWord, memoisedByText, piecesOf, stemOf } from './match-words';

/**
 * Brands and models as the lost-property matcher compares them: "Samsung Galaxy S21",
 * "samsng", "iphone13" and "Apple iPhone 13" should all find each other.
 */
export interface BrandFeatures {
  /** As typed, for a reason people read. */
  said: string;
  /** Name pieces, with the maker added for a product line ("iphone" brings "apple"). */
  names: string[];
  /** Model numbers ("13" of "iPhone 13", "21" of "S21"). */
  models: string[];
  /** The names as the description words are kept, to find a brand written only in the other side's texts. */
  nameStems: string[];
}

/** Product lines people name instead of the maker. */
const makerOf: Record<string, string> = {
  iphone: 'apple',
  ipad: 'apple',
  ipod: 'apple',
  airpods: 'apple',
  airpod: 'apple',
  macbook: 'apple',
  galaxy: 'samsung',
  pixel: 'google',
  kindle: 'amazon',
  playstation: 'sony',
  xperia: 'sony',
  redmi: 'xiaomi',
};

/** What people type in the brand field when there is none. */
const noBrand = new Set(
  'unknown onbekend unbekannt inconnu desconocido none geen kein keine aucune ninguna no brand merk marke marque marca'.split(
    ' ',
  ),
);

export const brandFeaturesOf: (brand: string) => Readonly<BrandFeatures> = memoisedByText(brandFeaturesOfText);

function brandFeaturesOfText(brand: string): BrandFeatures {
  const models: string[] = [];
  const letters: string[] = [];
  for (const piece of piecesOf(foldWord(brand))) {
    if (/^[0-9]/.test(piece)) models.push(piece);
    else if (!noBrand.has(piece)) letters.push(piece);
  }
  const names = letters.filter((piece) => piece.length >= 2);
  // "Ray-Ban", "Ray Ban" and "Rayban" are one name.
  if (letters.length > 1) names.push(letters.join(''));
  for (const name of [...names]) {
    const maker = makerOf[name];
    if (maker && !names.includes(maker)) names.push(maker);
  }
  return { said: brand.trim(), names, models, nameStems: names.map(stemOf) };
}

/** Three rows of the edit-distance table, reused: this runs for every pair of brands compared. */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * Edit distance with adjacent swaps counted once ("smasung"), or `max + 1` as soon as it must
 * exceed `max`: names are short, so a small table per pair is cheap.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rows[0].length <= b.length)
    rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [twoBack, previous, current] = rows;
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      const swapped =
        i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1);
      if (swapped) value = Math.min(value, twoBack[j - 2]! + 1);
      current[j] = value;
      if (value < rowBest) rowBest = value;
    }
    // Every later row is at least this row's best, so the answer is already out of reach.
    if (rowBest > max) return max + 1;
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[b.length]!;
}

/** One typo in a short name, two in a long one; two-letter names must be exact. */
function typosAllowed(length: number): number {
  if (length < 4) return 0;
  return length < 7 ? 1 : 2;
}

export function namesAlike(a: string, b: string): boolean {
  if (a === b) return true;
  const allowed = typosAllowed(Math.min(a.length, b.length));
  return allowed > 0 && editDistanceWithin(a, b, allowed) <= allowed;
}

export type BrandVerdict = 'same' | 'typo' | 'other-model' | 'same-model' | 'different';

/** How two brands compare; both must name something (names or models). */
export function compareBrands(a: BrandFeatures, b: BrandFeatures): BrandVerdict {
  let names: 'same' | 'typo' | 'none' = 'none';
  for (const x of a.names) {
    for (const y of b.names) {
      if (x === y) names = 'same';
      else if (names === 'none' && namesAlike(x, y)) names = 'typo';
    }
  }
  const bothModels = a.models.length > 0 && b.models.length > 0;
  const sameModel = bothModels && a.models.some((model) => b.models.includes(model));
  if (names === 'none') return sameModel ? 'same-model' : 'different';
  if (bothModels && !sameModel) return 'other-model';
  return names;
}

/** How much each verdict says it is the same item, 0..1. */
export const brandAgreement: Record<BrandVerdict, number> = {
  same: 1,
  typo: 0.9,
  // "iPhone 12" against "iPhone 13": the maker agrees, the model probably not.
  'other-model': 0.4,
  'same-model': 0.4,
  different: 0,
};

export function hasBrand(brand: BrandFeatures): boolean {
  return brand.names.length > 0 || brand.models.length > 0;
}
