import { coloursIn } from '../../src/domain/colour-vocabulary';
import { defaultZones } from '../../src/domain/event';
import type { Issue } from '../../src/domain/issue';
import type { ItemCategory, LostPropertyKind } from '../../src/domain/lost-property';
import { wordsOf } from '../../src/domain/match-words';
import { applyMutation } from '../../src/domain/mutators';
import { spotIn } from '../../tools/demo/demo-vocabulary';
import type { Random } from '../../tools/demo/seeded-random';

/**
 * Found items and lost reports as a busy desk logs them over a festival weekend: the categories
 * a desk sees most, colours in the staff's several languages, brands with typos, and the marks
 * that tell one black phone from another.
 */
const categoryWeights: Record<ItemCategory, number> = {
  phone: 18,
  wallet: 12,
  keys: 12,
  bag: 10,
  id_card: 14,
  glasses: 8,
  jewellery: 5,
  clothing: 16,
  other: 5,
};

const colourWords = `
black, zwart, schwarz, noir, dark grey, grey, grijs, silver, white, wit, beige, brown
bruin, red, rood, bordeaux, pink, roze, orange, yellow, gold, green, groen, khaki
blue, blauw, donkerblauw, navy, light blue, purple, transparent, multicolour, black and red
`
  .trim()
  .split(/, |\n/);

const brandsOf: Record<ItemCategory, string[]> = {
  phone: [
    'Samsung',
    'samsng',
    'Samsung Galaxy S21',
    'iPhone 13',
    'iphone12',
    'Apple',
    'Google Pixel 7',
    'Xiaomi',
    'OnePlus',
    'Nokia',
  ],
  wallet: ['Fossil', 'Guess', 'Michael Kors', 'Tommy Hilfiger', 'Secrid', 'Kipling'],
  keys: ['Volkswagen', 'Toyota', 'Peugeot', 'Kia', 'Renault'],
  bag: ['Eastpak', 'Fjällräven', 'Herschel', 'Nike', 'Adidas', 'Jansport', 'The North Face'],
  id_card: ['ING', 'Rabobank', 'ABN AMRO', 'Sparkasse', 'Revolut'],
  glasses: ['Ray-Ban', 'Rayban', 'Oakley', 'Polaroid', 'Hema'],
  jewellery: ['Pandora', 'Swarovski', 'Rolex', 'Casio', 'Fitbit'],
  clothing: ['Nike', 'Adidas', 'Rains', 'Patagonia', 'H&M', 'Zara', 'Carhartt'],
  other: ['JBL', 'Anker', 'Sony', 'GoPro', 'Canon'],
};

const marks = `
cracked screen; sticker of a cat on the back; name tag Mila; keyring with a bottle opener
two bank cards inside; scratched lens; engraved initials JB; festival wristband attached
phone case with glitter; broken zip; hood torn; lanyard with festival logo
small teddy bear keychain; photo of a dog inside; coins and a receipt; rainbow pin badge
bike key and house key; left lens missing; charger cable in the front pocket; name written inside
sunglasses case; a locket with a photo; band t-shirt; student card
driving licence; pink hair tie
`
  .trim()
  .split(/; |\n/);

const nouns: Record<ItemCategory, string[]> = {
  phone: ['phone', 'smartphone', 'telefoon'],
  wallet: ['wallet', 'purse', 'portemonnee'],
  keys: ['keys', 'car key', 'sleutels'],
  bag: ['backpack', 'bum bag', 'tote bag', 'rugzak'],
  id_card: ['ID card', 'bank card', 'passport', 'driving licence'],
  glasses: ['glasses', 'sunglasses', 'bril'],
  jewellery: ['ring', 'necklace', 'bracelet', 'watch'],
  clothing: ['rain jacket', 'hoodie', 'jumper', 'cap', 'scarf'],
  other: ['power bank', 'camera', 'speaker', 'umbrella'],
};

const festivalStartMs = Date.parse('2026-07-10T10:00:00.000Z');
const festivalHours = 3 * 24;
const desk = { id: 'desk', name: 'Lost property desk', role: 'coordinator' as const };

let serial = 0;

interface Said {
  category: ItemCategory;
  colour: string;
  brand: string;
  marks: string;
  details: string;
  place: string;
  zoneId: string;
  atMs: number | null;
  loggedMs: number;
  /** What the summary calls it ("rain jacket"); picked at random when not given. */
  noun?: string;
}

/** One found item or lost report, logged through createIssue as a phone would. */
function logged(random: Random, kind: LostPropertyKind, said: Said): Issue {
  serial += 1;
  const hex = serial.toString(16).padStart(12, '0');
  const noun = said.noun ?? random.pick(nouns[said.category]);
  return applyMutation(
    undefined,
    'createIssue',
    {
      id: `0190f0f0-0000-7000-8000-${hex}`,
      eventId: 'bench-festival',
      category: 'lost-property',
      summary: `${kind === 'found' ? 'Found' : 'Lost'} ${said.colour} ${noun}`.replace('  ', ' '),
      details: said.details,
      zoneId: said.zoneId,
      lostProperty: {
        kind,
        item: { category: said.category, colour: said.colour, brand: said.brand, marks: said.marks },
        place: said.place,
        at: said.atMs === null ? null : new Date(said.atMs).toISOString(),
      },
    },
    { now: new Date(said.loggedMs).toISOString(), actor: desk, mutationUuid: `bench-${hex}` },
  );
}

/** A found item or lost report of a random item. */
export function benchItem(random: Random, kind: LostPropertyKind): Issue {
  const category = random.weighted(categoryWeights);
  const zoneId = random.pick(defaultZones).id;
  const atMs = festivalStartMs + random.next() * festivalHours * 3_600_000;
  const oneOrTwoMarks = `${random.pick(marks)}${random.chance(0.3) ? `, ${random.pick(marks)}` : ''}`;
  return logged(random, kind, {
    category,
    colour: random.chance(0.85) ? random.pick(colourWords) : '',
    brand: random.chance(0.6) ? random.pick(brandsOf[category]) : '',
    marks: random.chance(0.7) ? oneOrTwoMarks : '',
    details: random.chance(0.3) ? `${random.pick(marks)}, near ${spotIn(random, zoneId)}` : '',
    place: random.chance(0.7) ? spotIn(random, zoneId) : '',
    zoneId,
    atMs: random.chance(0.8) ? atMs : null,
    loggedMs: atMs + random.logUniform(60_000, 4 * 3_600_000),
  });
}

/** Colour words of the list that name the same colour, so an owner can say "zwart" of a "black" phone. */
function sameColourAs(colour: string): string[] {
  const [named] = coloursIn(wordsOf(colour));
  return colourWords.filter((word) => named !== undefined && coloursIn(wordsOf(word))[0]?.colour === named.colour);
}

/** "samsung" as "samsng": one letter dropped, as typed in a hurry. */
function typo(random: Random, word: string): string {
  if (word.length < 5) return word;
  const at = random.int(1, word.length - 2);
  return word.slice(0, at) + word.slice(at + 1);
}

/**
 * The lost report of the owner of a found item, in their own words: the colour in another
 * language or left out, the brand with a typo or forgotten, some marks remembered, lost a while
 * before it was found, often in the same zone.
 */
export function lostReportOf(random: Random, item: Issue): Issue {
  const found = item.lostProperty!;
  const foundMs = Date.parse(found.at ?? item.createdAt);
  const lostMs = foundMs - random.logUniform(5 * 60_000, 3 * 3_600_000);
  const zoneId = random.chance(0.6) && item.zoneId ? item.zoneId : random.pick(defaultZones).id;
  const colours = sameColourAs(found.item.colour);
  const noun = nouns[found.item.category].find((word) => item.summary.endsWith(word));
  const remembered = found.item.marks.split(', ').filter(() => random.chance(0.6));
  return logged(random, 'lost', {
    category: random.chance(0.9) ? found.item.category : 'other',
    colour: colours.length > 0 && random.chance(0.85) ? random.pick(colours) : '',
    brand: random.chance(0.7) ? (random.chance(0.3) ? typo(random, found.item.brand) : found.item.brand) : '',
    marks: remembered.join(', '),
    details: '',
    place: random.chance(0.5) ? spotIn(random, zoneId) : '',
    zoneId,
    atMs: random.chance(0.8) ? lostMs : null,
    loggedMs: lostMs + random.logUniform(10 * 60_000, 3 * 3_600_000),
    ...(noun && random.chance(0.6) ? { noun } : {}),
  });
}
