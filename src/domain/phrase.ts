/**
 * A sentence the domain or the server writes for people (a timeline entry, a settings change, an
 * alert), kept as what it means rather than as English: its id is the English template
 * ("Status: {from} → {to}"), the same id the app's message catalog translates, and its values
 * fill the placeholders. Each phone says it in its own person's language; the English text is
 * stored beside it for exports, the server's own output and apps from before phrases.
 *
 * A value is the person's or the festival's own words (shown as they are), a number, a code of
 * the domain (a status, a mood: translated where shown, so a code outlives any wording), another
 * phrase, or a list of them.
 */
export interface Phrase {
  id: string;
  values?: Readonly<Record<string, PhraseValue>>;
}

export const codeKinds = [
  'status',
  'mood',
  'publicRisk',
  'outreach',
  'field',
  'severity',
  'itemCategory',
  'idKind',
  /** An alert kind as a title ("Urgent issue"). */
  'alertKind',
  /** An alert kind inside a sentence ("urgent issue"). */
  'alertKindWord',
  'role',
  /** Who an alert rule reaches first ("staff and coordinators"). */
  'alertRecipients',
  /** A festival language by its code ("nl"). */
  'language',
  /**
   * A zone by the name the festival gave it: shown as named, except the default zones, which
   * the app translates wherever it shows a zone ("Main stage").
   */
  'zone',
] as const;
export type CodeKind = (typeof codeKinds)[number];

/**
 * A code of the domain: `{ of: 'status', code: 'in_progress' }`. `of` is a CodeKind where this
 * app writes one; one it does not know (from a newer server) is shown as its code.
 */
export interface Code {
  of: string;
  code: string;
}

export type PhraseValue = string | number | Code | Phrase | readonly (string | Code | Phrase)[];

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/**
 * A phrase. Its id is a string literal where it is written, so the catalog test finds every one
 * in the source (as it finds `t('…')`), and the compiler checks the values name each placeholder.
 */
export function say<const S extends string>(
  id: S,
  ...values: [Placeholders<S>] extends [never] ? [] : [Readonly<Record<Placeholders<S>, PhraseValue>>]
): Phrase {
  return values[0] ? { id, values: values[0] } : { id };
}

export function code(of: CodeKind, value: string): Code {
  return { of, code: value };
}

export function isPhrase(value: PhraseValue): value is Phrase {
  return typeof value === 'object' && 'id' in value;
}

export function isCode(value: PhraseValue): value is Code {
  return typeof value === 'object' && 'of' in value;
}

/**
 * Every string of the person's or festival's own words in the phrase passed through `f` (codes
 * and ids are left alone): how attendee details are taken out of a phrase as out of any text.
 */
export function mapPhraseText(phrase: Phrase, f: (text: string) => string): Phrase {
  if (!phrase.values) return phrase;
  const one = (value: string | Code | Phrase): string | Code | Phrase =>
    typeof value === 'string' ? f(value) : isPhrase(value) ? mapPhraseText(value, f) : value;
  const values: Record<string, PhraseValue> = {};
  let changed = false;
  for (const [name, value] of Object.entries(phrase.values)) {
    const next = typeof value === 'number' ? value : Array.isArray(value) ? value.map(one) : one(value as string | Code | Phrase);
    const same = Array.isArray(value) ? (next as unknown[]).every((v, i) => v === value[i]) : next === value;
    if (!same) changed = true;
    values[name] = next;
  }
  return changed ? { ...phrase, values } : phrase;
}
