import { type BrandFeatures, brandFeaturesOf } from './brand-likeness';
import { type ColourMention, coloursIn, isColourWord } from './colour-vocabulary';
import type { Issue } from './issue';
import type { ItemCategory, LostProperty, LostPropertyKind } from './lost-property';
import { memoisedByText, piecesOf, stemOf, stopWords, wordsOf } from './match-words';

/**
 * What the matcher compares of one found item or lost report, worked out once: the phone re-runs
 * matching against thousands of items each time either side is logged or edited. Only what the
 * description says: where the item is now (state, match, voided) is read from the issue each time.
 */
export interface ItemFeatures {
  kind: LostPropertyKind;
  category: ItemCategory;
  colours: readonly ColourMention[];
  brand: Readonly<BrandFeatures>;
  /**
   * Telling words of marks, summary and details by stem, with a form as typed for a reason. A
   * brand written only here ("found a samsung") is looked for here too.
   */
  words: ReadonlyMap<string, string>;
  /** Words of the place and the issue's location by stem, with a form as typed. */
  placeWords: ReadonlyMap<string, string>;
  zoneId: string | null;
  /** When it was found or lost (ms), or when the issue was logged when nobody knew. */
  atMs: number;
  /** False when `atMs` is only when it was logged: a loss is reported after it happens. */
  isAtKnown: boolean;
  createdMs: number;
}

/** Keyed by the issue object: the cheapest lookup, and an edit makes a new object. */
const byObject = new WeakMap<Issue, ItemFeatures>();

/**
 * By issue id, with the content the features were made of: a live query reads every issue afresh
 * from IndexedDB after each write, 5,000 new objects of which one or two say something new, and
 * comparing a dozen strings is far cheaper than working the words out again. Emptied when full;
 * a festival's desk logs far fewer items than this.
 */
const byId = new Map<string, { content: Content; features: ItemFeatures }>();
const idCapacity = 12_000;

/** The features of a found item or lost report; null for any other issue. */
export function featuresOf(issue: Issue): ItemFeatures | null {
  const lost = issue.lostProperty;
  if (!lost) return null;
  const known = byObject.get(issue);
  if (known) return known;
  const remembered = byId.get(issue.id);
  // Not put in byObject as well: adding 5,000 fresh keys to a weak map after every write costs
  // more than comparing the strings again (measured: two to three times slower for 5,000 items).
  if (remembered && isSameContent(remembered.content, issue, lost)) return remembered.features;
  if (byId.size >= idCapacity) byId.clear();
  const features = computeFeatures(issue, lost);
  byId.set(issue.id, { content: contentOf(issue, lost), features });
  byObject.set(issue, features);
  return features;
}

/** Every field the features are made of. */
interface Content {
  kind: string;
  category: string;
  colour: string;
  brand: string;
  marks: string;
  summary: string;
  details: string;
  place: string;
  location: string;
  zoneId: string | null;
  at: string | null;
  createdAt: string;
}

function contentOf(issue: Issue, { kind, item, place, at }: LostProperty): Content {
  const { summary, details, location, zoneId, createdAt } = issue;
  return {
    kind,
    category: item.category,
    colour: item.colour,
    brand: item.brand,
    marks: item.marks,
    summary,
    details,
    place,
    location,
    zoneId,
    at,
    createdAt,
  };
}

function isSameContent(content: Content, issue: Issue, lost: LostProperty): boolean {
  const { item } = lost;
  return (
    content.kind === lost.kind &&
    content.category === item.category &&
    content.colour === item.colour &&
    content.brand === item.brand &&
    content.marks === item.marks &&
    content.summary === issue.summary &&
    content.details === issue.details &&
    content.place === lost.place &&
    content.location === issue.location &&
    content.zoneId === issue.zoneId &&
    content.at === lost.at &&
    content.createdAt === issue.createdAt
  );
}

/** How one folded word counts: its stems (two for "iphone13": iphone, 13), none when it tells nothing. */
const stemsOfWord = memoisedByText((key: string): readonly string[] => {
  // Model numbers run together with names ("iphone13", "s21") compare by their pieces.
  const pieces = /[0-9]/.test(key) && /[a-z]/.test(key) ? piecesOf(key) : [key];
  return pieces.map(stemOf).filter((stem, i) => isTelling(pieces[i]!, stem));
});

function isTelling(key: string, stem: string): boolean {
  if (stem.length < 2 && !/[0-9]/.test(stem)) return false;
  return !stopWords.has(key) && !stopWords.has(stem) && !isColourWord(key);
}

/** The colour field holds a handful of different values at a festival, typed over and over. */
const coloursOfField = memoisedByText((text: string): readonly ColourMention[] => coloursIn(wordsOf(text)));

/** Telling words of a text by stem, first form as typed; `skip` leaves out the issue's own brand. */
function addStems(into: Map<string, string>, text: string, skip: readonly string[]): ReturnType<typeof wordsOf> {
  const words = wordsOf(text);
  for (const word of words) {
    for (const stem of stemsOfWord(word.key)) if (!into.has(stem) && !skip.includes(stem)) into.set(stem, word.said);
  }
  return words;
}

function computeFeatures(issue: Issue, lost: LostProperty): ItemFeatures {
  const brand = brandFeaturesOf(lost.item.brand);
  const words = new Map<string, string>();
  // The brand is compared on its own; counting it again as a word would score it twice.
  const ownBrand = [...brand.nameStems, ...brand.models];
  const textWords = addStems(words, `${lost.item.marks}\n${issue.summary}\n${issue.details}`, ownBrand);
  const placeWords = new Map<string, string>();
  addStems(placeWords, `${lost.place}\n${issue.location}`, []);
  const fromField = coloursOfField(lost.item.colour);
  const at = lost.at === null ? Number.NaN : Date.parse(lost.at);
  const createdMs = Date.parse(issue.createdAt);
  return {
    kind: lost.kind,
    category: lost.item.category,
    // The colour field says it best; the texts are read only when it is empty ("lost a black phone").
    colours: fromField.length > 0 ? fromField : coloursIn(textWords),
    brand,
    words,
    placeWords,
    zoneId: issue.zoneId,
    atMs: Number.isNaN(at) ? createdMs : at,
    isAtKnown: !Number.isNaN(at),
    createdMs,
  };
}
