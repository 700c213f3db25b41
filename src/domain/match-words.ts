/**
 * Words of free text as the lost-property matcher compares them: staff type fast, in several
 * languages, with or without accents, so "Café", "cafe" and "CAFÉ" must be one word.
 */

/** A word as typed (lower case, for showing in a reason) and the key it is compared by. */
export interface Word {
  said: string;
  key: string;
}

/** Letters that Unicode does not decompose into a base letter plus an accent. */
const unsplittable: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ı: 'i' };

/** Lower case without accents: the form every comparison uses. */
export function foldWord(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßøæœłđı]/g, (letter) => unsplittable[letter] ?? letter);
}

/** Anything beyond printable ASCII: most notes have none, and skip the slow Unicode path. */
const beyondAscii = /[^\s\x20-\x7e]/;

export function wordsOf(text: string): Word[] {
  const lower = text.toLowerCase();
  const words: Word[] = [];
  if (!beyondAscii.test(lower)) {
    for (const said of lower.split(/[^a-z0-9]+/)) if (said !== '') words.push({ said, key: said });
    return words;
  }
  // Accents typed as separate combining marks stay inside their word.
  for (const said of lower.split(/[^\p{L}\p{N}\p{M}]+/u)) if (said !== '') words.push({ said, key: foldWord(said) });
  return words;
}

/**
 * Remembers a function of a short text (a colour field, a brand, one word): festival staff type
 * the same few hundred again and again. Emptied when full, because free text has no bound.
 */
export function memoisedByText<T>(compute: (text: string) => T, capacity = 20_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      if (cache.size >= capacity) cache.clear();
      value = compute(text);
      cache.set(text, value);
    }
    return value;
  };
}

/**
 * Letters and digits apart, so "iphone13" and "iPhone 13" give the same pieces; used for brands
 * and model numbers, where people run them together.
 */
export function piecesOf(key: string): string[] {
  return key.match(/[a-z]+|[0-9]+/g) ?? [];
}

/**
 * A light, language-blind suffix stripper: "stickers", "sticker"; "cracked", "crack";
 * "engraved", "engraving", "engrave". Both sides go through it, so a crude stem still meets
 * its twin; a real stemmer per language would cost bundle size for little gain on short notes.
 */
export function stemOf(key: string): string {
  let stem = key;
  if (stem.length > 4 && stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.length > 4 && /(ss|sh|ch|x)es$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.length > 3 && stem.endsWith('s') && !/(ss|us)$/.test(stem)) stem = stem.slice(0, -1);
  else if (stem.length > 5 && stem.endsWith('ing')) stem = stem.slice(0, -3);
  else if (stem.length > 4 && stem.endsWith('ed')) stem = stem.slice(0, -2);
  if (stem.length > 4 && stem.endsWith('e')) stem = stem.slice(0, -1);
  return stem;
}

/**
 * Words that say nothing about which item it is: grammar in the languages festival staff type
 * in, and the words every lost-property report uses ("lost", "phone" — the category already
 * compares the kind of item).
 */
const stopWordList = `
a an and the of in on at to for from with without by or is was it its this that my his her their our
has have had be been near next around about left somewhere maybe probably think please someone something
lost found lose missing item items thing things attendee visitor person handed brought desk still
de het een en van in op aan met bij voor naar is was zijn heeft mijn zijn haar ik hij zij ze er
verloren kwijt gevonden ergens
der die das ein eine einer und oder mit ohne im am um zum zur ist war mein meine sein seine ihr
verlust verloren gefunden irgendwo
le la les un une des du et ou avec sans dans sur au aux est etait mon ma mes son sa ses perdu perdue trouve trouvee
el los las una unos unas y o con sin en al del es era mi mis su sus perdido perdida encontrado encontrada
phone phones telephone telefoon telefon handy movil smartphone mobile cell wallet purse portemonnee
portefeuille geldbeutel geldborse cartera monedero key keys sleutel sleutels schlussel cle cles llave llaves
bag tas tasche sac bolso card kaart karte carte tarjeta glasses bril brille lunettes gafas
`;
export const stopWords: ReadonlySet<string> = new Set(stopWordList.split(/\s+/).filter((word) => word !== ''));
