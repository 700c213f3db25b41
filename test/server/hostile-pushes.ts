import fc from 'fast-check';
import { anyInstant } from '../device-instants';
import { type ChangePlan, changePlanArb } from './hostile-changes';
import { extremeText } from './hostile-text';

/**
 * How a hostile phone packs its changes into pushes. Most pushes are well formed; the others
 * break the protocol in the ways the server must refuse for the whole push (and break nothing):
 * mutation ids that go backwards or repeat, a NUL or half an emoji, a body over 2 MB, more than
 * 1,000 changes, another device's id.
 */
export type PushShape =
  /** Ids increasing from the device's last applied one. */
  | 'normal'
  /** Ids jump ahead by thousands or by a trillion. */
  | 'gap'
  /** The last changes of the device's previous push again, then new ones. */
  | 'overlap'
  /** The previous push, byte for byte: its answer must come back the same. */
  | 'resend'
  /** `after` names a batch the server never saw: nothing is applied. */
  | 'afterAhead'
  /** `after` is the last applied id: applied as a normal push. */
  | 'afterExact'
  /** A pile of notes on one issue, past the 1,000 it keeps. */
  | 'pileBurst'
  /** Refused whole: ids go down somewhere (400). */
  | 'backwards'
  /** Refused whole: one id twice (400). */
  | 'repeat'
  /** Refused whole: a NUL character somewhere (400). */
  | 'nul'
  /** Refused whole: half of a surrogate pair somewhere (400). */
  | 'surrogate'
  /** Refused whole: a body over 2 MB (413). */
  | 'oversize'
  /** Refused whole: 1,001 changes (400). */
  | 'tooMany'
  /** Refused whole: the changes of another device (403). */
  | 'otherDevice'
  /** Refused whole: a "__proto__" key, which the JSON parser refuses as prototype poisoning (400). */
  | 'poisoned';

export type HostileRole = 'staff' | 'jumper' | 'coordinator';

export interface PushPlan {
  device: HostileRole;
  shape: PushShape;
  changes: ChangePlan[];
  /** Where a broken push is broken: which change, and which part of it. */
  spot: number;
  where: 'args' | 'actor' | 'uuid' | 'key';
  /** What breaks it: NUL, a lone high or low surrogate, a pair in the wrong order. */
  bad: string;
  /** For 'gap' and 'overlap'. */
  size: number;
}

const noteOnPile = fc
  .record({
    text: fc.oneof(
      { weight: 6, arbitrary: extremeText({ max: 300, required: true }) },
      extremeText({ max: 4000, required: true }),
    ),
    createdAt: anyInstant,
  })
  .map(
    ({ text, createdAt }): ChangePlan => ({
      name: 'addNote',
      target: { kind: 'pile' },
      args: { text },
      createdAt,
      actor: { id: 'staff-Mallory', name: 'Mallory' },
      baseVersion: 'zero',
      mutationUuid: { kind: 'fresh' },
      overlong: false,
    }),
  );

const shapeArb = fc.oneof(
  { weight: 40, arbitrary: fc.constant<PushShape>('normal') },
  { weight: 2, arbitrary: fc.constant<PushShape>('gap') },
  { weight: 3, arbitrary: fc.constant<PushShape>('overlap') },
  { weight: 3, arbitrary: fc.constant<PushShape>('resend') },
  { weight: 2, arbitrary: fc.constant<PushShape>('afterAhead') },
  { weight: 2, arbitrary: fc.constant<PushShape>('afterExact') },
  { weight: 1, arbitrary: fc.constant<PushShape>('pileBurst') },
  { weight: 2, arbitrary: fc.constant<PushShape>('backwards') },
  { weight: 2, arbitrary: fc.constant<PushShape>('repeat') },
  { weight: 3, arbitrary: fc.constant<PushShape>('nul') },
  { weight: 3, arbitrary: fc.constant<PushShape>('surrogate') },
  { weight: 1, arbitrary: fc.constant<PushShape>('oversize') },
  { weight: 1, arbitrary: fc.constant<PushShape>('tooMany') },
  { weight: 1, arbitrary: fc.constant<PushShape>('otherDevice') },
  { weight: 1, arbitrary: fc.constant<PushShape>('poisoned') },
);

export const pushPlanArb: fc.Arbitrary<PushPlan> = shapeArb.chain((shape) =>
  fc.record({
    device: fc.constantFrom<HostileRole>('staff', 'staff', 'staff', 'jumper', 'coordinator'),
    shape: fc.constant(shape),
    changes:
      shape === 'pileBurst'
        ? fc.array(noteOnPile, { minLength: 40, maxLength: 150 })
        : shape === 'oversize' || shape === 'tooMany'
          ? fc.constant([])
          : fc.array(changePlanArb, { minLength: 1, maxLength: 50 }),
    spot: fc.nat(),
    where: fc.constantFrom<PushPlan['where']>('args', 'actor', 'uuid', 'key'),
    // A NUL push carries a NUL; a surrogate push half of a pair, or a pair in the wrong order.
    bad: shape === 'nul' ? fc.constant('\u0000') : fc.constantFrom('\uD83D', '\uDC4D', '\uDC4D\uD83D'),
    size: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(1000, 1_000_000_000_000)),
  }),
);

/** The plans of a whole run, from one seed, made one at a time as the run asks for them. */
export function pushPlans(seed: number): Iterator<PushPlan> {
  return fc.sample(fc.infiniteStream(pushPlanArb, { noHistory: true }), { seed, numRuns: 1 })[0]![Symbol.iterator]();
}
