import type { Random } from './seeded-random';

// The acts, stalls and places are invented; any likeness to a real festival is a coincidence.
const items = [
  'phone',
  'wallet',
  'keys',
  'bank card',
  'glasses',
  'rain jacket',
  'backpack',
  'bum bag',
  'car keys',
  'passport',
  'camera',
  'power bank',
  'ID card',
  'hearing aid',
  'cashless wristband',
];
const acts = [
  'The Velvet Lanterns',
  'Noord Express',
  'DJ Kompas',
  'Sunday Static',
  'Marlow & the Tides',
  'Kitty Orbit',
  'Bassline Bureau',
  'Het Nachtorkest',
  'Paper Moons',
  'Lila Sand',
];
const people = [
  'son (7)',
  'daughter (9)',
  'friend',
  'younger brother (12)',
  'partner',
  'father (68)',
  'group of friends',
  'sister (15)',
];
const buses = ['shuttle to the station', 'night bus N12', 'shuttle to car park P3', 'coach to Utrecht'];
const stalls = [
  'Frites Fabriek',
  'Bao Bus',
  'Taco Tent',
  'Green Bowl',
  'the cocktail bar',
  'bar 3',
  'the coffee truck',
  'Pizza Pallet',
];

const spots: Record<string, string[]> = {
  'main-stage': [
    'the front-left barrier',
    'bar 3 by the sound desk',
    'the FOH tower',
    'the accessible viewing platform',
    'the merch stand',
  ],
  'second-stage': ['the entrance of the second stage', 'the bar at the back', 'the picnic tables'],
  'dance-tent': ['the left entrance of the dance tent', 'the dance tent bar', 'the chill-out zone'],
  'main-gate': ['gate lane 4', 'the box office', 'the bag check', 'the wristband exchange'],
  'info-tent': ['the info tent counter', 'the lost & found desk', 'the charging lockers'],
  'food-court': ['the picnic benches', 'the top-up point', 'the water point by the food court'],
  'campsite-north': ['field A, row 12', 'the showers north', 'the campsite shop', 'the locker wall north'],
  'campsite-south': ['field C by the water point', 'the showers south', 'the family field', 'the quiet camping area'],
  'car-park': ['car park P1 row F', 'the taxi rank', 'the shuttle stop'],
  outside: ['the dike road', 'the village square', 'the station shuttle stop'],
};

/** A place within a zone, in the words staff use on the radio. */
export function spotIn(random: Random, zone: string): string {
  return random.pick(spots[zone] ?? spots['info-tent']!);
}

/** How staff say where something is: "at the main stage", "at campsite north". */
const zonePhrases: Record<string, string> = {
  'main-stage': 'the main stage',
  'second-stage': 'the second stage',
  'dance-tent': 'the dance tent',
  'main-gate': 'the main gate',
  'info-tent': 'the info tent',
  'food-court': 'the food court',
  'campsite-north': 'campsite north',
  'campsite-south': 'campsite south',
  'car-park': 'the car park',
  outside: 'the village',
};

/** The words one issue's texts share, chosen once so its summary, notes and resolution agree. */
export interface IssueWords {
  item: string;
  act: string;
  otherAct: string;
  person: string;
  bus: string;
  stall: string;
  amount: string;
  ref: string;
  zone: string;
  spot: string;
  /** Local time shortly before the issue was logged, "HH:MM". */
  time: string;
  /** Who an issue is handed over to. */
  to?: string;
}

export function clockText(localMinutes: number): string {
  const minutes = ((localMinutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function issueWords(random: Random, zone: string, localMinutes: number): IssueWords {
  const act = random.pick(acts);
  return {
    item: random.pick(items),
    act,
    otherAct: random.pick(acts.filter((a) => a !== act)),
    person: random.pick(people),
    bus: random.pick(buses),
    stall: random.pick(stalls),
    amount: `€${random.int(5, 120)}.${random.pick(['00', '50'])}`,
    ref: `LF-${random.int(100, 9999)}`,
    zone: zonePhrases[zone] ?? 'the site',
    spot: spotIn(random, zone),
    time: clockText(localMinutes - random.int(5, 60)),
  };
}

/** Fills a template's {placeholders}; an upper-case first letter is kept for sentence starts. */
export function fill(template: string, words: IssueWords): string {
  const text = template.replace(/\{(\w+)\}/g, (match, key: string) => {
    const value = (words as unknown as Record<string, string | undefined>)[key];
    return value ?? match;
  });
  return text.charAt(0).toUpperCase() + text.slice(1);
}
