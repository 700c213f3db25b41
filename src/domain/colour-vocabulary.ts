/**
 * Colour words of lost-property descriptions, in the languages festival staff type in (English,
 * Dutch, German, French, Spanish, a little Italian), folded to the few colours a tired person
 * tells apart at night. Keys are accent-free lower case, as foldWord gives them.
 */
export const colours = [
  'black',
  'charcoal',
  'grey',
  'silver',
  'white',
  'cream',
  'beige',
  'brown',
  'red',
  'burgundy',
  'pink',
  'orange',
  'yellow',
  'gold',
  'green',
  'olive',
  'turquoise',
  'lightblue',
  'blue',
  'navy',
  'purple',
  'transparent',
  'multicolour',
] as const;
export type Colour = (typeof colours)[number];

const wordsByColour: Record<Colour, string> = {
  black: 'black zwart zwarte schwarz schwarze noir noire negro negra nero',
  charcoal: 'charcoal anthracite antraciet anthrazit antracita graphite grafiet',
  grey: 'grey gray grijs grijze grau graue gris grise grigio',
  silver: 'silver silvery zilver zilveren silber silberne argent argente plata plateado argento chrome metallic',
  white: 'white wit witte weiss weisse blanc blanche blanco blanca bianco',
  cream: 'cream creme ivory ivoor elfenbein ivoire marfil ecru offwhite',
  beige: 'beige tan camel sand zand nude',
  brown: 'brown bruin bruine braun braune brun brune marron chocolate cognac',
  red: 'red rood rode rot rote rouge rojo roja rosso',
  burgundy: 'burgundy maroon bordeaux bordo wine wijnrood weinrot granate granat',
  pink: 'pink roze rosa rose fuchsia magenta',
  orange: 'orange oranje naranja arancione',
  yellow: 'yellow geel gele gelb gelbe jaune amarillo amarilla giallo mustard',
  gold: 'gold golden goud gouden goldene dore doree oro dorado dorada',
  green: 'green groen groene grun grune vert verte verde lime mint',
  olive: 'olive olijf oliv khaki kaki caqui camo camouflage',
  turquoise: 'turquoise teal cyan turkoois turkis turquesa aqua petrol',
  lightblue: 'lightblue babyblue skyblue celeste',
  blue: 'blue blauw blauwe blau blaue bleu bleue azul blu denim cobalt kobalt',
  navy: 'navy marine marineblauw marineblau marino',
  purple: 'purple violet paars paarse lila lilac lavender mauve morado morada violeta viola',
  transparent: 'transparent clear doorzichtig durchsichtig transparente',
  multicolour:
    'multicolour multicolor multicoloured multicolored colourful colorful rainbow regenboog bunt gestreept striped stripes floral print patterned',
};

/** Two words that name one colour together ("off white", "bleu marine", "azul marino"). */
const phrases: Record<string, Colour> = {
  'off white': 'cream',
  'sky blue': 'lightblue',
  'baby blue': 'lightblue',
  'navy blue': 'navy',
  'bleu marine': 'navy',
  'azul marino': 'navy',
  'rose gold': 'gold',
  'army green': 'olive',
};

const colourByWord = new Map<string, Colour>();
for (const colour of colours) for (const word of wordsByColour[colour].split(' ')) colourByWord.set(word, colour);

type Shade = 'dark' | 'light';
const shadeWords: Record<string, Shade> = {};
for (const word of 'dark donker donkere dunkel dunkle dunkles fonce foncee oscuro oscura scuro deep'.split(' ')) {
  shadeWords[word] = 'dark';
}
for (const word of 'light licht lichte hell helle helles clair claire claro clara chiaro pale pastel bleek'.split(' ')) {
  shadeWords[word] = 'light';
}
/** Dutch and German write shades as one word: donkerblauw, lichtgrijs, dunkelrot, hellgrau. */
const shadePrefixes: [string, Shade][] = [
  ['donker', 'dark'],
  ['dunkel', 'dark'],
  ['licht', 'light'],
  ['hell', 'light'],
];

/** Where a shade moves a colour to a neighbour; shades not listed leave the colour as it is. */
const shaded: Partial<Record<Colour, Partial<Record<Shade, Colour>>>> = {
  blue: { dark: 'navy', light: 'lightblue' },
  grey: { dark: 'charcoal', light: 'silver' },
  red: { dark: 'burgundy', light: 'pink' },
  brown: { light: 'beige' },
  green: { dark: 'olive' },
};

function withShade(colour: Colour, shade: Shade | undefined): Colour {
  return shade ? (shaded[colour]?.[shade] ?? colour) : colour;
}

export function isColourWord(key: string): boolean {
  return colourByWord.has(key) || key in shadeWords || colourOfCompound(key) !== undefined;
}

function colourOfCompound(key: string): { colour: Colour; shade: Shade } | undefined {
  for (const [prefix, shade] of shadePrefixes) {
    if (key.length > prefix.length && key.startsWith(prefix)) {
      const colour = colourByWord.get(key.slice(prefix.length));
      if (colour) return { colour, shade };
    }
  }
  return undefined;
}

/** A colour named in a description, with the words used ("dark grey") for a reason people read. */
export interface ColourMention {
  colour: Colour;
  said: string;
}

/**
 * The colours a description names. A shade word applies to the colour after it (English, Dutch,
 * German: "dark blue") or before it (French, Spanish: "bleu foncé", "gris oscuro").
 */
export function coloursIn(words: readonly { said: string; key: string }[]): ColourMention[] {
  const found: ColourMention[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    const next = words[i + 1];
    const phrase = next ? phrases[`${word.key} ${next.key}`] : undefined;
    if (phrase) {
      found.push({ colour: phrase, said: `${word.said} ${next!.said}` });
      i += 1;
      continue;
    }
    const compound = colourOfCompound(word.key);
    if (compound) {
      found.push({ colour: withShade(compound.colour, compound.shade), said: word.said });
      continue;
    }
    const colour = colourByWord.get(word.key);
    if (!colour) continue;
    const before = i > 0 ? words[i - 1] : undefined;
    const shadeBefore = before ? shadeWords[before.key] : undefined;
    const shadeAfter = next ? shadeWords[next.key] : undefined;
    const said = shadeBefore ? `${before!.said} ${word.said}` : shadeAfter ? `${word.said} ${next!.said}` : word.said;
    found.push({ colour: withShade(colour, shadeBefore ?? shadeAfter), said });
  }
  return found;
}
