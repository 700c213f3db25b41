import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brandFeaturesOf, editDistanceWithin, namesAlike } from '../../../src/domain/brand-likeness';
import { coloursIn } from '../../../src/domain/colour-vocabulary';
import type { Issue } from '../../../src/domain/issue';
import { type ItemCategory, itemCategories, type LostPropertyKind } from '../../../src/domain/lost-property';
import { featuresOf } from '../../../src/domain/lost-property-features';
import { type Match, suggestMatches as suggest } from '../../../src/domain/lost-property-matching';
import { foldWord, stemOf, wordsOf } from '../../../src/domain/match-words';
import { applyMutation } from '../../../src/domain/mutators';
import { phraseText } from '../../../src/domain/phrase-text';
import type { Actor } from '../../../src/domain/staff';

const sam: Actor = { id: 'sam', name: 'Sam', role: 'coordinator' };
const jo: Actor = { id: 'jo', name: 'Jo', role: 'organizer' };
let n = 0;
const ctx = (now: string, actor = sam) => ({
  now,
  actor,
  mutationUuid: `0190f0f0-0000-7000-9000-${String(++n).padStart(12, '0')}`,
});
/** A time on the festival's Friday, UTC. */
const at = (clock: string) => `2026-07-10T${clock}:00.000Z`;

interface Described {
  category?: ItemCategory;
  colour?: string;
  brand?: string;
  marks?: string;
  place?: string;
  at?: string | null;
  zoneId?: string;
  summary?: string;
  /** When it was logged at the desk (defaults to `at`, or 20:00). */
  loggedAt?: string;
  id?: string;
}

function logged(kind: LostPropertyKind, item: Described): Issue {
  const id = item.id ?? `0190f0f0-0000-7000-8000-${String(++n).padStart(12, '0')}`;
  const when = item.at === undefined ? at('19:00') : item.at;
  return applyMutation(
    undefined,
    'createIssue',
    {
      id,
      eventId: 'fest',
      category: 'lost-property',
      summary: item.summary ?? `${kind === 'lost' ? 'Lost' : 'Found'} ${item.category ?? 'phone'}`,
      ...(item.zoneId ? { zoneId: item.zoneId } : {}),
      lostProperty: {
        kind,
        item: { category: item.category ?? 'phone', colour: item.colour ?? '', brand: item.brand ?? '', marks: item.marks ?? '' },
        place: item.place ?? '',
        at: when,
      },
    },
    ctx(item.loggedAt ?? when ?? at('20:00')),
  );
}
const lost = (item: Described = {}) => logged('lost', item);
const found = (item: Described = {}) => logged('found', item);
const ids = (matches: Pick<Match, 'issue'>[]) => matches.map((match) => match.issue.id);
/** The suggestions with their reasons in English, as a volunteer reading English sees them. */
const suggestMatches = (...args: Parameters<typeof suggest>) =>
  suggest(...args).map((match) => ({ ...match, reasons: match.reasons.map((reason) => phraseText(reason)) }));
const everything = { minScore: 0, limit: 100 };

describe('suggesting matches at the lost-property desk', () => {
  it('a found phone of the same colour, found soon after the loss, comes first', () => {
    const report = lost({ colour: 'black', at: at('19:00'), zoneId: 'main-stage' });
    const otherColour = found({ colour: 'red', at: at('19:30'), zoneId: 'main-stage' });
    const muchLater = found({ colour: 'black', at: '2026-07-12T10:00:00.000Z' });
    const soonAfter = found({ colour: 'black', at: at('19:40'), zoneId: 'main-stage' });
    const matches = suggestMatches(report, [otherColour, muchLater, soonAfter], everything);
    expect(ids(matches)).toEqual([soonAfter.id, muchLater.id, otherColour.id]);
    expect(matches[0]!.reasons).toEqual(['same category', 'same colour: black', 'same zone', 'found 40 min after it was lost']);
    expect(matches[2]!.reasons).toContain('black ≠ red');
  });

  it('a found item gets the lost reports, and never other found items or itself', () => {
    const item = found({ colour: 'blue', brand: 'Eastpak', category: 'bag' });
    const report = lost({ colour: 'blue', brand: 'Eastpak', category: 'bag' });
    const sameSide = found({ colour: 'blue', brand: 'Eastpak', category: 'bag' });
    expect(ids(suggestMatches(item, [item, sameSide, report]))).toEqual([report.id]);
  });

  it('an issue that is not lost property gets no suggestions', () => {
    const ticket = applyMutation(
      undefined,
      'createIssue',
      { id: '0190f0f0-0000-7000-8000-ffffffffffff', eventId: 'fest', category: 'ticketing', summary: 'Wristband broken' },
      ctx(at('12:00')),
    );
    expect(suggestMatches(ticket, [found()])).toEqual([]);
    expect(suggestMatches(lost(), [ticket], everything)).toEqual([]);
  });

  it('a found item of another category never ranks above one of the same category, however well the rest agrees', () => {
    const clues = { colour: 'black', brand: 'Eastpak', marks: 'name tag Mila, broken zip', zoneId: 'camping', at: at('19:10') };
    const report = lost({ ...clues, category: 'bag' });
    const clothing = found({ ...clues, category: 'clothing' });
    const keys = found({ ...clues, category: 'keys' });
    const other = found({ ...clues, category: 'other' });
    const poorBag = found({ category: 'bag', colour: 'pink', at: at('23:00') });
    const matches = suggestMatches(report, [keys, clothing, other, poorBag], everything);
    expect(ids(matches)).toEqual([poorBag.id, clothing.id, other.id, keys.id]);
    expect(matches.map((match) => match.categoryFit)).toEqual(['same', 'related', 'related', 'different']);
    expect(matches[0]!.score).toBeLessThan(matches[1]!.score);
    expect(matches[1]!.reasons[0]).toBe('related category: bag / clothing');
    expect(matches[3]!.reasons[0]).toBe('other category: bag / keys');
  });

  it('two items both logged as "other" are only related: "other" says what an item is not', () => {
    const report = lost({ category: 'other', summary: 'Lost umbrella', marks: 'yellow ducks print' });
    const umbrella = found({ category: 'other', summary: 'Found umbrella with ducks' });
    const speaker = found({ category: 'other', summary: 'Found speaker' });
    const matches = suggestMatches(report, [speaker, umbrella], everything);
    expect(ids(matches)).toEqual([umbrella.id, speaker.id]);
    expect(matches[0]!.categoryFit).toBe('related');
    expect(matches[0]!.reasons.slice(0, 2)).toEqual(['both logged as other', 'words: ducks, umbrella']);
  });

  it('colour words match across synonyms, shades and languages', () => {
    const report = lost({ colour: 'Grey', at: at('19:00') });
    const gray = found({ colour: 'gray' });
    const grijs = found({ colour: 'grijs' });
    const silver = found({ colour: 'zilver' });
    const charcoal = found({ colour: 'dark grey' });
    const yellow = found({ colour: 'gelb' });
    const matches = suggestMatches(report, [yellow, charcoal, silver, grijs, gray], everything);
    expect(matches.map((match) => match.reasons[1])).toEqual([
      'grey = gray',
      'grey = grijs',
      'grey ≈ zilver',
      'grey ≈ dark grey',
      'grey ≠ gelb',
    ]);
    const navy = lost({ category: 'clothing', colour: 'dark blue' });
    expect(suggestMatches(navy, [found({ category: 'clothing', colour: 'bleu marine' })])[0]!.reasons[1]).toBe(
      'dark blue = bleu marine',
    );
    const black = lost({ colour: 'black' });
    expect(suggestMatches(black, [found({ colour: 'anthracite' })])[0]!.reasons[1]).toBe('black ≈ anthracite');
    const red = lost({ category: 'bag', colour: 'red' });
    expect(suggestMatches(red, [found({ category: 'bag', colour: 'Bordeaux' })])[0]!.reasons[1]).toBe('red ≈ bordeaux');
    expect(suggestMatches(lost({ colour: 'donkerblauw' }), [found({ colour: 'navy' })])[0]!.reasons[1]).toBe(
      'donkerblauw = navy',
    );
  });

  it('a brand matches with a typo, run together with its model, or as the maker of a product line', () => {
    const report = lost({ brand: 'Samsung', colour: 'black' });
    const typo = found({ brand: 'samsng', colour: 'black' });
    const other = found({ brand: 'Nokia', colour: 'black' });
    const matches = suggestMatches(report, [other, typo], everything);
    expect(ids(matches)).toEqual([typo.id, other.id]);
    expect(matches[0]!.reasons).toContain('brand Samsung ≈ samsng');
    expect(matches[1]!.reasons).toContain('brand Samsung ≠ Nokia');
    const iphone = lost({ brand: 'iphone13' });
    const spaced = found({ brand: 'iPhone 13' });
    const apple = found({ brand: 'Apple' });
    const twelve = found({ brand: 'iPhone 12' });
    const byIphone = suggestMatches(iphone, [twelve, apple, spaced], everything);
    expect(ids(byIphone)).toEqual([spaced.id, apple.id, twelve.id]);
    expect(byIphone.map((match) => match.reasons[1])).toEqual([
      'brand iPhone 13',
      'brand Apple',
      'same brand, other model: iphone13 / iPhone 12',
    ]);
  });

  it('a brand written only in the description of the other side still counts', () => {
    const report = lost({ brand: 'Ray-Ban', category: 'glasses' });
    const item = found({ category: 'glasses', marks: 'rayban? in a brown case' });
    const plain = found({ category: 'glasses', marks: 'sunglasses in a case' });
    const matches = suggestMatches(report, [plain, item], everything);
    expect(ids(matches)).toEqual([item.id, plain.id]);
    expect(matches[0]!.reasons).toContain('brand Ray-Ban in the description');
  });

  it('shared rare words count more than common ones, and word forms meet', () => {
    const others = ['cracked screen', 'cracked corner', 'cracked back', 'cracked case'].map((marks) => found({ marks }));
    const report = lost({ marks: 'Cracked screen protector, unicorn stickers on the back' });
    const unicorn = found({ marks: 'sticker with a unicorn' });
    const matches = suggestMatches(report, [...others, unicorn], everything);
    expect(matches[0]!.issue).toBe(unicorn);
    expect(matches[0]!.reasons).toContain('words: unicorn, stickers');
  });

  it('found after the loss is plausible; found hours before it is not, unless the loss time was only when it was reported', () => {
    const report = lost({ at: at('18:00') });
    const justBefore = found({ at: at('17:45') });
    const after = found({ at: at('20:00') });
    const longBefore = found({ at: at('14:00') });
    const matches = suggestMatches(report, [longBefore, after, justBefore], everything);
    expect(ids(matches)).toEqual([justBefore.id, after.id, longBefore.id]);
    expect(matches.map((match) => match.reasons.at(-1))).toEqual([
      'found 15 min before it was lost',
      'found 2 h after it was lost',
      'found 4 h before it was lost',
    ]);
    expect(matches[2]!.score).toBeLessThan(0.5);
    expect(suggestMatches(report, [longBefore])).toEqual([]);
    // Nobody knows when it was lost: the report was logged at 18:00, the loss was earlier.
    const vague = lost({ at: null, loggedAt: at('18:00') });
    const [vagueMatch] = suggestMatches(vague, [longBefore]);
    expect(vagueMatch!.reasons.at(-1)).toBe('found 4 h before it was reported lost');
    expect(vagueMatch!.score).toBeGreaterThan(matches[2]!.score);
  });

  it('voided issues and items no longer at the desk are never suggested', () => {
    const report = lost({ colour: 'black' });
    const voided = voidedByMistake(found({ colour: 'black' }));
    const collected = handedBack(found({ colour: 'black' }));
    const posted = disposed(found({ colour: 'black' }), 'posted');
    const binned = disposed(found({ colour: 'black' }), 'disposed');
    const kept = found({ colour: 'black' });
    expect(ids(suggestMatches(report, [voided, collected, posted, binned, kept], everything))).toEqual([kept.id]);
    const item = found({ colour: 'black' });
    const report2 = lost({ colour: 'black' });
    const returned = applyMutation(report2, 'recordItemReturned', { issueId: report2.id, foundId: item.id }, ctx(at('21:00')));
    expect(suggestMatches(item, [returned], everything)).toEqual([]);
  });

  it('an item already matched with another report is left out; its match with this report is kept', () => {
    const report = lost({ colour: 'black' });
    const elsewhere = matched(found({ colour: 'black' }), lost().id);
    const ours = matched(found({ colour: 'black' }), report.id);
    expect(ids(suggestMatches(report, [elsewhere, ours], everything))).toEqual([ours.id]);
  });

  it('equal candidates come newest first, then by id, whatever order they are given in', () => {
    const report = lost({ colour: 'black', at: at('18:00') });
    const item = { colour: 'black', at: at('18:30') };
    const older = found({ ...item, loggedAt: at('18:40') });
    const newerB = found({ ...item, loggedAt: at('19:00'), id: '0190f0f0-0000-7000-8000-bbbbbbbbbbbb' });
    const newerA = found({ ...item, loggedAt: at('19:00'), id: '0190f0f0-0000-7000-8000-aaaaaaaaaaaa' });
    const expected = [newerA.id, newerB.id, older.id];
    expect(ids(suggestMatches(report, [older, newerB, newerA]))).toEqual(expected);
    expect(ids(suggestMatches(report, [newerA, older, newerB]))).toEqual(expected);
  });

  it('keeps to the limit and the minimum score', () => {
    const report = lost({ colour: 'black', at: at('18:00') });
    const items = Array.from({ length: 8 }, () => found({ colour: 'black', at: at('18:30') }));
    expect(suggestMatches(report, items)).toHaveLength(5);
    expect(suggestMatches(report, items, { limit: 2 })).toHaveLength(2);
    expect(suggestMatches(report, items, { minScore: 0.99 })).toEqual([]);
  });

  it('works out an item once, also when it is read afresh from the database, and again after it changes', () => {
    const item = found({ colour: 'black' });
    expect(featuresOf(item)).toBe(featuresOf(item));
    expect(featuresOf(structuredClone(item))).toBe(featuresOf(item));
    const changed = applyMutation(item, 'describeItem', { issueId: item.id, place: 'bar 3' }, ctx(at('21:00')));
    expect(featuresOf(changed)).not.toBe(featuresOf(item));
    expect([...featuresOf(changed)!.placeWords.values()]).toEqual(['bar', '3']);
    // Where the item is now is read from the issue, not from what was worked out before.
    const report = lost({ colour: 'black' });
    expect(suggestMatches(report, [handedBack(structuredClone(item))])).toEqual([]);
  });
});

function voidedByMistake(item: Issue): Issue {
  return applyMutation(item, 'voidIssue', { issueId: item.id, reason: 'Logged twice' }, ctx(at('20:00'), jo));
}

function handedBack(item: Issue): Issue {
  const args = {
    issueId: item.id,
    collectedBy: 'Mila',
    idKind: 'passport',
    idLast4: '1234',
    confirmation: { kind: 'typed', text: 'Mila' },
  };
  return applyMutation(item, 'handBackItem', args, ctx(at('21:00')));
}

function disposed(item: Issue, how: 'posted' | 'disposed'): Issue {
  return applyMutation(item, 'disposeItem', { issueId: item.id, how, note: '' }, ctx(at('21:00')));
}

function matched(item: Issue, otherId: string): Issue {
  return applyMutation(item, 'matchItem', { issueId: item.id, otherId, matched: true }, ctx(at('21:00')));
}

describe('the category guarantee, over random items', () => {
  const described = fc.record({
    category: fc.constantFrom(...itemCategories),
    colour: fc.constantFrom('', 'black', 'zwart', 'dark grey', 'red', 'navy', 'beige', 'multicolour'),
    brand: fc.constantFrom('', 'Samsung', 'samsng', 'Apple', 'iPhone 13', 'Eastpak', 'Nokia'),
    marks: fc.constantFrom('', 'cracked screen', 'sticker', 'name tag Mila', 'keyring with a cat'),
    zoneId: fc.constantFrom('main-stage', 'camping', 'car-park'),
    minutes: fc.integer({ min: -600, max: 3000 }),
    loggedHour: fc.integer({ min: 0, max: 3 }),
  });
  type RandomItem = typeof described extends fc.Arbitrary<infer T> ? T : never;
  const asIssue = (kind: LostPropertyKind, d: RandomItem) =>
    logged(kind, {
      ...d,
      at: new Date(Date.parse(at('18:00')) + d.minutes * 60_000).toISOString(),
      loggedAt: at(`2${d.loggedHour}:00`),
    });

  it('same-category items all come before any other, and the order does not depend on the order given', () => {
    fc.assert(
      fc.property(described, fc.array(described, { maxLength: 25 }), fc.integer({ min: 1, max: 30 }), (t, cs, limit) => {
        const report = asIssue('lost', t);
        const items = cs.map((c) => asIssue('found', c));
        const matches = suggestMatches(report, items, { minScore: 0, limit });
        const ranks = matches.map((match) => ['different', 'related', 'same'].indexOf(match.categoryFit));
        expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
        const sameCategory = items.filter(
          (item) => item.lostProperty!.item.category === t.category && t.category !== 'other',
        ).length;
        expect(matches.filter((match) => match.categoryFit === 'same')).toHaveLength(Math.min(limit, sameCategory));
        for (const match of matches) expect(match.score).toBeGreaterThanOrEqual(0);
        for (const match of matches) expect(match.score).toBeLessThanOrEqual(1);
        expect(ids(suggestMatches(report, [...items].reverse(), { minScore: 0, limit }))).toEqual(ids(matches));
      }),
      { numRuns: 150 },
    );
  });
});

describe('the words the matcher reads', () => {
  const colourOf = (text: string) => coloursIn(wordsOf(text)).map((mention) => mention.colour);

  it('reads shades before the colour, after it, and inside Dutch and German compounds', () => {
    expect(colourOf('gris oscuro')).toEqual(['charcoal']);
    expect(colourOf('bleu foncé')).toEqual(['navy']);
    expect(colourOf('hellblau')).toEqual(['lightblue']);
    expect(colourOf('donkerrood')).toEqual(['burgundy']);
    expect(colourOf('Off-white')).toEqual(['cream']);
    expect(colourOf('azul marino')).toEqual(['navy']);
    expect(colourOf('noir et blanc')).toEqual(['black', 'white']);
    expect(colourOf('Weiß')).toEqual(['white']);
    expect(colourOf('grün')).toEqual(['green']);
    expect(colourOf('a bag')).toEqual([]);
  });

  it('folds accents and word forms', () => {
    expect(foldWord('Café GRÜN Weiß')).toBe('cafe grun weiss');
    expect(['stickers', 'sticker'].map(stemOf)).toEqual(['sticker', 'sticker']);
    expect(['cracked', 'crack'].map(stemOf)).toEqual(['crack', 'crack']);
    expect(['engraved', 'engraving', 'engrave'].map(stemOf)).toEqual(['engrav', 'engrav', 'engrav']);
    expect(['scratches', 'scratch'].map(stemOf)).toEqual(['scratch', 'scratch']);
  });

  it('allows one typo in a short brand, two in a long one, none in a two-letter one', () => {
    expect(editDistanceWithin('samsng', 'samsung', 2)).toBe(1);
    expect(editDistanceWithin('smasung', 'samsung', 2)).toBe(1);
    expect(editDistanceWithin('nokia', 'samsung', 2)).toBe(3);
    expect(namesAlike('samsng', 'samsung')).toBe(true);
    expect(namesAlike('sony', 'song')).toBe(true);
    expect(namesAlike('lg', 'hp')).toBe(false);
    expect(namesAlike('nokia', 'nikon')).toBe(false);
    expect(brandFeaturesOf('unknown').names).toEqual([]);
    expect(brandFeaturesOf('iPhone 13')).toMatchObject({ said: 'iPhone 13', names: ['iphone', 'apple'], models: ['13'] });
  });
});
