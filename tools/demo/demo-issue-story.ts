import type { FestivalEvent } from '../../src/domain/event';
import {
  type FollowUpReason,
  type Issue,
  type Mood,
  moods,
  type PersonRef,
  type Severity,
  type SourceKind,
} from '../../src/domain/issue';
import type { MutationName } from '../../src/domain/mutation-args';
import { applyMutation } from '../../src/domain/mutators';
import { localDateTime } from '../../src/domain/operational-day';
import { uuidV7 } from '../../src/domain/uuid-v7';
import { demoAttendee } from './demo-attendees';
import { type CategoryProfile, categoryProfiles, categoryWeightsAt } from './demo-category-profiles';
import { dayPartOf } from './demo-schedule';
import { type DemoStaffMember, onDuty, pickOfRole, pickReporter } from './demo-staff';
import type { CategoryTexts } from './demo-text-types';
import { categoryTexts, handoverNotes, reopenNotes } from './demo-texts';
import { fill, issueWords } from './demo-vocabulary';
import type { Random } from './seeded-random';

export interface StoryContext {
  random: Random;
  event: FestivalEvent;
  staff: readonly DemoStaffMember[];
  /** The moment the demo is a snapshot of: later steps of a story have not happened yet. */
  nowMs: number;
  /** The office opens the morning after the festival; most follow-up outreach starts then. */
  officeOpensMs: number;
}

interface Step {
  at: number;
  actor: DemoStaffMember;
  name: MutationName;
  args: Record<string, unknown>;
}

const minute = 60_000;

/** First response in minutes by severity: urgent issues are picked up at once, low ones when there is time. */
const responseMinutes: Record<Severity, [number, number]> = { urgent: [0.5, 8], high: [1, 25], medium: [2, 90], low: [3, 240] };

/** How the attendee's mood changes by the end: most leave happier, a few worse. */
const moodShift = { '-1': 6, '0': 24, '1': 40, '2': 25, '3': 5 };

const riskByMood: Record<Mood | 'none', number> = {
  angry: 0.05,
  upset: 0.015,
  neutral: 0.003,
  satisfied: 0,
  delighted: 0,
  none: 0.003,
};
const riskByCategory: Record<string, number> = {
  'staff-conduct': 3,
  cashless: 1.5,
  ticketing: 1.5,
  'safety-security': 1.5,
  praise: 0,
};

/** Share of follow-ups reached while the festival runs (a found phone); the rest wait for the office. */
const outreachDuringFestival: Record<FollowUpReason, number> = {
  lost_property: 0.8,
  refund: 0.3,
  apology: 0.4,
  thank_you: 0.2,
  other: 0.3,
};

const ref = (member: PersonRef): PersonRef => ({ id: member.id, name: member.name });

function moodAtCloseAfter(random: Random, intake: Mood | null): Mood {
  if (intake === null) return random.weighted({ neutral: 30, satisfied: 50, delighted: 20 });
  const index = moods.indexOf(intake) + Number(random.weighted(moodShift));
  return moods[Math.max(0, Math.min(moods.length - 1, index))]!;
}

function socialLink(random: Random): string {
  return `https://social.example/@attendee${random.int(100, 99_999)}/posts/${random.int(1_000_000, 9_999_999)}`;
}

/** `count` different entries of a list, in random order. */
function distinct<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(random.int(0, pool.length - 1), 1)[0]!);
  return out;
}

/**
 * One attendee issue with a believable history, built by running the real mutators step by step
 * as staff would have: log, take ownership, note, hand over, tell the attendee, resolve, follow up.
 */
export function demoIssue(ctx: StoryContext, createdMs: number): Issue {
  const { random, event, staff } = ctx;
  const local = localDateTime(createdMs, event.timezone);
  const category = random.weighted(categoryWeightsAt(dayPartOf(local.minutes)));
  const profile: CategoryProfile = categoryProfiles[category]!;
  const texts: CategoryTexts = categoryTexts[category]!;
  const scenario = random.pick(texts.scenarios);
  const zone = scenario.zones ? random.pick(scenario.zones) : random.weighted(profile.zones);
  const zoneId = zone === 'outside' ? null : zone;
  const words = issueWords(random, zone, local.minutes);
  const text = (template: string, to?: string) => fill(template, to === undefined ? words : { ...words, to });
  const dutyAt = (ms: number) => onDuty(staff, localDateTime(ms, event.timezone).minutes);

  const steps: Step[] = [];
  let clock = createdMs;
  /** Moves the story's clock on by a log-uniform number of minutes (never by zero). */
  const later = (minMinutes: number, maxMinutes: number) => {
    clock += Math.max(1000, Math.round(random.logUniform(minMinutes, maxMinutes) * minute));
    return clock;
  };
  const step = (actor: DemoStaffMember, name: MutationName, args: Record<string, unknown>, at = clock) =>
    steps.push({ at, actor, name, args });

  const issueId = uuidV7(createdMs, random.bytes(10));
  const reporter = pickReporter(random, dutyAt(createdMs));
  const severity = random.weighted(profile.severity);
  const sourceKind = random.weighted<SourceKind>({ in_person: 78, radio: 8, phone: 5, social: 5, email: 4 });
  const source = { kind: sourceKind, link: sourceKind === 'social' ? socialLink(random) : '' };
  const leavesContact = random.chance(profile.contactChance);
  const { attendee, isReachable } = demoAttendee(random, leavesContact, category === 'ticketing' || category === 'cashless');
  const consents = isReachable && random.chance(0.55);
  // Some attendees only agree to be contacted later, once the desk has helped them.
  const consentsLater = consents && random.chance(0.12);
  const intakeMood = random.weighted(profile.moodAtIntake);
  const moodAtIntake = intakeMood === 'unknown' ? null : intakeMood;
  const tags = texts.tags && random.chance(0.25) ? [random.pick(texts.tags)] : [];

  step(reporter, 'createIssue', {
    id: issueId,
    eventId: event.id,
    category,
    summary: text(scenario.summary),
    details: random.chance(0.7) ? text(random.pick(scenario.details)) : '',
    severity,
    zoneId,
    location: random.chance(0.8) ? words.spot : '',
    source,
    attendee,
    consentGiven: consents && !consentsLater,
    moodAtIntake,
    tags,
  });

  const riskChance = riskByMood[moodAtIntake ?? 'none'] * (riskByCategory[category] ?? 1) * (sourceKind === 'social' ? 4 : 1);
  if (random.chance(riskChance)) {
    const level = random.weighted({ threatens_to_post: 55, posted: 35, press_present: 10 });
    const link = level === 'posted' && random.chance(0.7) ? source.link || socialLink(random) : '';
    step(reporter, 'flagPublicRisk', { issueId, level, link, escalateToComms: false }, later(0.5, 5));
    const escalate = random.chance(level === 'threatens_to_post' ? 0.35 : level === 'posted' ? 0.75 : 0.9);
    if (escalate) {
      const coordinator = pickOfRole(random, dutyAt(clock), 'coordinator', staff);
      step(coordinator, 'flagPublicRisk', { issueId, level, escalateToComms: true }, later(2, 20));
    }
  }

  const isQuickAnswer = !profile.isReferral && severity !== 'urgent' && random.chance(profile.quickAnswerChance);
  let owner: DemoStaffMember | null = null;
  let worker = reporter;
  if (!isQuickAnswer) {
    // A few issues wait unowned: nobody picked them up before the snapshot, or they got lost.
    if (random.chance(0.03)) return replay(ctx, steps);
    later(...responseMinutes[severity]);
    const onShift = dutyAt(clock);
    if (reporter.role !== 'staff' || random.chance(0.65)) {
      owner = reporter;
      step(reporter, 'assignOwner', { issueId, owner: ref(reporter) });
    } else {
      const coordinator = pickOfRole(random, onShift, 'coordinator', staff);
      const candidates = onShift.filter((m) => m.role === 'staff' && m.id !== reporter.id);
      owner = candidates.length > 0 ? random.pick(candidates) : reporter;
      step(coordinator, 'assignOwner', { issueId, owner: ref(owner) });
    }
    worker = owner;
  }

  if (consentsLater) step(worker, 'updateFields', { issueId, fields: { consentGiven: true } }, later(1, 10));

  if (owner) {
    const workEnd = clock + random.logUniform(...profile.workMinutes) * minute;
    const notes = distinct(random, scenario.notes ?? texts.notes, Number(random.weighted({ '0': 45, '1': 35, '2': 15, '3': 5 })));
    const handsOver = random.chance(0.17);
    const moments = Array.from({ length: notes.length + (handsOver ? 1 : 0) }, () => clock + random.next() * (workEnd - clock));
    moments.sort((a, b) => a - b);
    const handoverAt = handsOver ? random.int(0, moments.length - 1) : -1;
    moments.forEach((at, i) => {
      clock = Math.max(Math.round(at), clock + 1000);
      if (i === handoverAt && owner) {
        const current = owner;
        const candidates = dutyAt(clock).filter((m) => m.role !== 'organizer' && m.id !== current.id);
        const to = candidates.length > 0 ? random.pick(candidates) : staff.find((m) => m.id !== current.id)!;
        const by = random.chance(0.8) ? current : pickOfRole(random, dutyAt(clock), 'coordinator', staff);
        step(by, 'handOver', { issueId, to: ref(to), note: text(random.pick(handoverNotes), to.name) });
        owner = to;
        worker = to;
      } else {
        step(worker, 'addNote', { issueId, text: text(notes.pop()!) });
      }
    });
    clock = Math.max(clock, Math.round(workEnd));
    if (random.chance(0.6))
      step(worker, 'recordToldAttendee', { issueId, text: text(random.pick(scenario.told)) }, later(0.2, 3));
    // Still being worked when the snapshot was taken (a lost phone nobody has handed in yet).
    if (random.chance(0.03)) return replay(ctx, steps);
  } else if (random.chance(0.5)) {
    step(worker, 'recordToldAttendee', { issueId, text: text(random.pick(scenario.told)) }, later(0.3, 3));
  }

  const rule = profile.followUp;
  const wantsFollowUp = rule !== undefined && random.chance(rule.chance);
  // Without consent the desk rarely flags a follow-up; the export leaves those out anyway.
  const needsFollowUp = wantsFollowUp && (consents || (category !== 'praise' && random.chance(0.2)));
  const moodAtClose = random.chance(0.85) ? moodAtCloseAfter(random, moodAtIntake) : null;
  const resolution = needsFollowUp && texts.followUp ? text(texts.followUp) : text(random.pick(scenario.resolutions));
  step(
    worker,
    'setStatus',
    { issueId, status: profile.isReferral ? 'referred' : 'resolved', resolution, moodAtClose },
    later(0.5, isQuickAnswer ? 5 : 15),
  );

  if (owner && random.chance(0.012)) {
    step(worker, 'setStatus', { issueId, status: 'in_progress' }, later(20, 180));
    step(worker, 'addNote', { issueId, text: text(random.pick(reopenNotes)) }, later(0.2, 2));
    step(worker, 'setStatus', { issueId, status: 'resolved', resolution: text(random.pick(scenario.resolutions)) }, later(5, 60));
  }

  if (needsFollowUp && rule) {
    const channel = attendee.preferredChannel ?? (attendee.email ? 'email' : attendee.phone ? 'phone' : null);
    const dueAt = new Date(clock + random.int(...rule.dueDays) * 1440 * minute).toISOString();
    step(worker, 'setFollowUp', { issueId, needed: true, dueAt, channel, reason: rule.reason }, later(0.2, 2));
    step(worker, 'setStatus', { issueId, status: 'follow_up' }, later(0.2, 5));
    if (consents) for (const outreach of followUpOutreach(ctx, rule.reason, issueId, clock)) steps.push(outreach);
  } else if (random.chance(0.45)) {
    // Coordinators close what is done at the end of their shift.
    const coordinator = pickOfRole(random, dutyAt(clock), 'coordinator', staff);
    step(coordinator, 'setStatus', { issueId, status: 'closed' }, later(20, 300));
  }
  return replay(ctx, steps);
}

/** Contacting the attendee: a coordinator on the night for a found phone, the office afterwards for most refunds. */
function followUpOutreach(ctx: StoryContext, reason: FollowUpReason, issueId: string, fromMs: number): Step[] {
  const { random, staff } = ctx;
  let at = fromMs;
  const after = (minMinutes: number, maxMinutes: number) => {
    at += Math.max(1000, Math.round(random.logUniform(minMinutes, maxMinutes) * minute));
    return at;
  };
  let sender: DemoStaffMember;
  if (random.chance(outreachDuringFestival[reason])) {
    after(30, reason === 'lost_property' ? 1440 : 720);
    sender = pickOfRole(random, onDuty(staff, localDateTime(at, ctx.event.timezone).minutes), 'coordinator', staff);
  } else {
    at = Math.max(at, ctx.officeOpensMs);
    after(10, 3 * 1440);
    sender = random.pick(staff.filter((m) => m.role !== 'staff'));
  }
  const steps: Step[] = [{ at, actor: sender, name: 'setOutreach', args: { issueId, outreach: 'sent' } }];
  if (!random.chance(0.6)) return steps;
  steps.push({ at: after(20, 1440), actor: sender, name: 'setOutreach', args: { issueId, outreach: 'replied' } });
  if (!random.chance(0.8)) return steps;
  steps.push({ at: after(10, 720), actor: sender, name: 'setOutreach', args: { issueId, outreach: 'done' } });
  steps.push({ at: after(1, 60), actor: sender, name: 'setStatus', args: { issueId, status: 'closed' } });
  return steps;
}

/** Applies the steps that happened before the snapshot time, through the real mutators. */
function replay(ctx: StoryContext, steps: readonly Step[]): Issue {
  let issue: Issue | undefined;
  for (const { at, actor, name, args } of steps) {
    if (at > ctx.nowMs) break;
    const mutationUuid = uuidV7(at, ctx.random.bytes(10));
    issue = applyMutation(issue, name, args, { now: new Date(at).toISOString(), actor, mutationUuid });
  }
  if (!issue) throw new Error('A demo issue must be created before the snapshot time.');
  return issue;
}
