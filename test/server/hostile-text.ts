import fc from 'fast-check';

/**
 * Text a hostile (or just unlucky) phone can send that the schemas still accept: every Unicode
 * oddity that is valid text, and lengths at the limit (its device times: test/device-instants.ts).
 * Shared by the hostile-device fuzz and the chaos run's hostile phone.
 */

/** Valid text that trips up renderers, CSV readers, databases and length counts. */
export const oddities = [
  // Direction: right-to-left and left-to-right marks, override, isolates, Arabic letter mark.
  '\u200F',
  '\u200E',
  '\u202E',
  '\u202D',
  '\u2066',
  '\u2069',
  '\u061C',
  // Joiners and invisible characters; a soft hyphen.
  '\u200D',
  '\u200C',
  '\u200B',
  '\u2060',
  '\u00AD',
  // Combining marks, one and many on one letter.
  'e\u0301',
  'a\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030A\u030B',
  '\u0351\u0352\u0357\u035B',
  // Emoji: skin tones, ZWJ sequences, flags, keycaps, variation selectors.
  '👍🏽',
  '👩🏿‍🚀',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  '🇳🇱',
  '1️⃣',
  '❤︎',
  // Astral plane: mathematical letters, CJK extension B, a tag character, the last code point.
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '𠜎𠜱',
  '\u{E0001}',
  '\u{10FFFF}',
  // Replacement character, BOM, noncharacters, private use.
  '\uFFFD',
  '\uFEFF',
  '\uFFFE',
  '\uFFFF',
  '\uE000',
  // Line and paragraph separators, every kind of line break, tabs and other controls (not NUL).
  '\u2028',
  '\u2029',
  '\r\n',
  '\n',
  '\r',
  '\t',
  '\u000B',
  '\u000C',
  '\u0085',
  '\u0001',
  '\u001B[31m',
  '\u007F',
  // Scripts that change case or length when folded, right-to-left scripts.
  'İı',
  'ß',
  'ﬃ',
  'Ǆ',
  '﷽',
  'مرحبا بالعالم',
  'שָׁלוֹם',
  'नमस्ते',
  '日本語テキスト',
  // What a CSV reader, a spreadsheet, HTML or SQL may read as code.
  '"',
  "'",
  ',',
  ';',
  '=HYPERLINK("https://example.org","x")',
  '+1+1',
  '-2',
  '@SUM(A1)',
  '\\',
  '</script><script>alert(1)</script>',
  '<!--',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: text that looks like a template, on purpose
  '${constructor}',
  '%s%n',
  "'); drop table issues; --",
  '__proto__',
] as const;

/** Whitespace String#trim (and so the schemas) removes from both ends. */
const trimmedSpace = [' ', '\t', '\n', '\r\n', '\u00A0', '\u2028', '\u2029', '\uFEFF', '\u3000', '\u2003'] as const;

/** The first code points of `text` that fit in `max` UTF-16 units: never half of an emoji. */
export function cutToLength(text: string, max: number): string {
  let out = '';
  for (const point of text) {
    if (out.length + point.length > max) break;
    out += point;
  }
  return out;
}

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...oddities) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }).map((s) => s.replaceAll('\u0000', '')) },
  { weight: 1, arbitrary: fc.constantFrom('Lost phone', 'near the main stage', ' ', 'x') },
);

/** One character (or sequence) repeated without a space: a very long word. */
const longWord = (max: number) =>
  fc
    .tuple(fc.constantFrom('a', 'é', 'ß', '𝔘', '👍🏽', '👩‍👩‍👧‍👦', 'ﷺ', '\u200F', 'e\u0301'), fc.integer({ min: 1, max }))
    .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)));

export interface TextOptions {
  max: number;
  /** At least one character that trimming keeps (the schema's "required"). */
  required?: boolean;
  /**
   * Whitespace beyond the limit at both ends, which the schema trims before counting. Off for
   * fields the schema takes as they are (ids, the actor's name): there the limit is exact.
   */
  padded?: boolean;
}

/**
 * Text the schema of a field with this maximum accepts: short and odd, exactly at the limit,
 * a long word, and sometimes padded with whitespace beyond the limit (trimmed before counting).
 */
export function extremeText({ max, required = false, padded = true }: TextOptions): fc.Arbitrary<string> {
  const body = fc.oneof(
    { weight: 5, arbitrary: fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join('')) },
    {
      weight: 2,
      arbitrary: fc
        .array(fragment, { minLength: 1, maxLength: 40 })
        .map((parts) => parts.join(''))
        .map((s) => s.repeat(Math.ceil(max / Math.max(1, s.length)))),
    },
    { weight: 1, arbitrary: longWord(max) },
  );
  const padding = fc.array(fc.constantFrom(...trimmedSpace), { maxLength: padded ? 6 : 0 }).map((p) => p.join(''));
  return fc.tuple(padding, body, padding).map(([before, text, after]) => {
    let kept = cutToLength(text, max).trim();
    if (required && kept === '') kept = '·';
    // A cut can leave whitespace at the end, which trimming then removes: still within the limit.
    return `${before}${cutToLength(kept, max)}${after}`;
  });
}
