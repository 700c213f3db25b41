import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutContactDetails } from '../../../src/domain/attendee-redaction';
import { defaultEvent, type FestivalEvent } from '../../../src/domain/event';
import { instantMs } from '../../../src/domain/iso-instant';
import type { Issue } from '../../../src/domain/issue';
import { staleChangeConflict } from '../../../src/domain/merge';
import { applyMutation, type MutationContext } from '../../../src/domain/mutators';
import { operationalDayOf } from '../../../src/domain/operational-day';
import type { Actor } from '../../../src/domain/staff';
import { summarizeDay } from '../../../src/domain/summary/day-summary';
import { DurationSamples, nearestRank, selectKth } from '../../../src/domain/summary/stats';
import type { DaySummary } from '../../../src/domain/summary/types';
import { uuidV7 } from '../../../src/domain/uuid-v7';
import { generateDemoFestival } from '../../../tools/demo/demo-festival';

const event: FestivalEvent = {
  ...defaultEvent('test-fest', 'Europe/Amsterdam'),
  name: 'Test fest',
  days: ['2026-07-10', '2026-07-11', '2026-07-12'],
};
const sam: Actor = { id: 'staff-sam', name: 'Sam', role: 'staff' };
const kim: Actor = { id: 'staff-kim', name: 'Kim', role: 'staff' };
const alex: Actor = { id: 'staff-alex', name: 'Alex', role: 'coordinator' };
/** The Monday after the festival: every festival day is over. */
const monday = new Date('2026-07-13T12:00:00Z');

let counter = 0;
const ctx = (now: string, actor: Actor): MutationContext => {
  counter += 1;
  return { now: new Date(now).toISOString(), actor, mutationUuid: `m-${counter}` };
};

/** Logs an issue at `now` ("2026-07-11T14:00:00+02:00" is 14:00 in Amsterdam in summer). */
function log(now: string, fields: Record<string, unknown> = {}, actor: Actor = sam): Issue {
  counter += 1;
  const random = new Uint8Array(10);
  random[0] = counter & 0xff;
  random[1] = counter >> 8;
  const id = uuidV7(Date.parse(now), random);
  const args = { id, eventId: event.id, category: 'lost-property', summary: 'Lost phone', ...fields };
  return applyMutation(undefined, 'createIssue', args, ctx(now, actor));
}

function step(issue: Issue, now: string, name: string, args: Record<string, unknown> = {}, actor: Actor = sam): Issue {
  return applyMutation(issue, name, { issueId: issue.id, ...args }, ctx(now, actor));
}

const minutesLater = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
const owner = (who: Actor) => ({ owner: { id: who.id, name: who.name } });
const resolve = (extra: Record<string, unknown> = {}) => ({ status: 'resolved', resolution: 'Sorted', ...extra });
const hourCount = (summary: DaySummary, hour: number) => summary.totals.byHour.find((bucket) => bucket.hour === hour)!.count;

/** Every number in the summary, wherever it is. */
function numbersIn(value: unknown, found: number[] = []): number[] {
  if (typeof value === 'number') found.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) numbersIn(v, found);
  return found;
}

describe('the operational day and its hours', () => {
  it('counts an issue logged at 01:30 on Saturday in Friday’s day, in the 01:00 bucket', () => {
    const night = log('2026-07-11T01:30:00+02:00');
    const friday = summarizeDay([night], event, '2026-07-10', monday);
    expect(friday.startsAt).toBe('2026-07-10T04:00:00.000Z');
    expect(friday.endsAt).toBe('2026-07-11T04:00:00.000Z');
    expect(friday.hours).toBe(24);
    expect(friday.totals.logged).toBe(1);
    expect(friday.totals.byHour.map((bucket) => bucket.label)).toEqual([
      ...Array.from({ length: 18 }, (_, i) => `${String(i + 6).padStart(2, '0')}:00`),
      ...Array.from({ length: 6 }, (_, i) => `0${i}:00`),
    ]);
    expect(hourCount(friday, 1)).toBe(1);
    expect(summarizeDay([night], event, '2026-07-11', monday).totals.logged).toBe(0);
  });

  it('on the fall-back night the day lasts 25 hours and the repeated 02:00 hour holds both passes', () => {
    const issues = [
      log('2026-10-24T04:00:00Z'), // 06:00 CEST Saturday: the day's first minute
      log('2026-10-25T00:30:00Z'), // 02:30 CEST, first pass
      log('2026-10-25T01:30:00Z'), // 02:30 CET, second pass
      log('2026-10-25T04:59:00Z'), // 05:59 CET: still Saturday's day
      log('2026-10-25T05:00:00Z'), // 06:00 CET: Sunday's day
    ];
    const saturday = summarizeDay(issues, event, '2026-10-24', new Date('2026-10-26T12:00:00Z'));
    expect(saturday.startsAt).toBe('2026-10-24T04:00:00.000Z');
    expect(saturday.endsAt).toBe('2026-10-25T05:00:00.000Z');
    expect(saturday.hours).toBe(25);
    expect(saturday.totals.logged).toBe(4);
    expect(hourCount(saturday, 6)).toBe(1);
    expect(hourCount(saturday, 2)).toBe(2);
    expect(hourCount(saturday, 5)).toBe(1);
    expect(summarizeDay(issues, event, '2026-10-25', new Date('2026-10-26T12:00:00Z')).totals.logged).toBe(1);
  });

  it('on the spring-forward night the day lasts 23 hours and the skipped 02:00 hour stays empty', () => {
    const issues = [
      log('2026-03-29T00:59:00Z'), // 01:59 CET
      log('2026-03-29T01:00:00Z'), // 03:00 CEST, the minute after
      log('2026-03-29T03:59:00Z'), // 05:59 CEST: still Saturday's day
    ];
    const saturday = summarizeDay(issues, event, '2026-03-28', new Date('2026-03-30T12:00:00Z'));
    expect(saturday.startsAt).toBe('2026-03-28T05:00:00.000Z');
    expect(saturday.endsAt).toBe('2026-03-29T04:00:00.000Z');
    expect(saturday.hours).toBe(23);
    expect(saturday.totals.logged).toBe(3);
    expect([hourCount(saturday, 1), hourCount(saturday, 2), hourCount(saturday, 3), hourCount(saturday, 5)]).toEqual([
      1, 0, 1, 1,
    ]);
  });

  it('a day starting at 06:30 puts the next morning’s 06:10 in its first bucket', () => {
    const late: FestivalEvent = { ...event, dayStartsAt: '06:30' };
    const issues = [log('2026-07-11T06:40:00+02:00'), log('2026-07-12T06:10:00+02:00')];
    const saturday = summarizeDay(issues, late, '2026-07-11', monday);
    expect(saturday.totals.byHour[0]).toEqual({ hour: 6, label: '06:00', count: 2 });
  });

  it('refuses a day that is not one', () => {
    expect(() => summarizeDay([], event, '2026-7-11', monday)).toThrow(RangeError);
    expect(() => summarizeDay([], event, '2026-02-30', monday)).toThrow(RangeError);
    expect(() => summarizeDay([], event, '2026-07-11', new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('median and p90 (nearest rank)', () => {
  it('picks the value at rank ⌈p/100 · n⌉, so an even count’s median is the lower middle', () => {
    const oneToTen = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    expect([nearestRank(oneToTen, 50), nearestRank(oneToTen, 90)]).toEqual([5, 9]);
    expect([nearestRank([1, 2, 3, 4], 50), nearestRank([1, 2, 3, 4], 90)]).toEqual([2, 4]);
    // Six samples: p90 is rank ⌈5.4⌉ = 6, the largest (rounding would say rank 5).
    expect([nearestRank([10, 20, 30, 40, 50, 60], 50), nearestRank([10, 20, 30, 40, 50, 60], 90)]).toEqual([30, 60]);
    expect([nearestRank([7], 50), nearestRank([7], 90)]).toEqual([7, 7]);
    expect(nearestRank([], 50)).toBeNull();
  });

  it('rounds to a tenth of a minute and skips durations that end before they start (clock skew)', () => {
    const samples = new DurationSamples();
    for (const seconds of [90, 30, 600, 150]) samples.add(0, seconds * 1000);
    samples.add(60_000, 0);
    expect(samples.stats()).toEqual({ count: 4, medianMinutes: 1.5, p90Minutes: 10, skippedClockSkew: 1 });
    expect(new DurationSamples().stats()).toEqual({ count: 0, medianMinutes: null, p90Minutes: null, skippedClockSkew: 0 });
  });

  it('selecting a rank gives what sorting would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 50 }), { minLength: 1, maxLength: 80 }), fc.nat(), (values, pick) => {
        const k = pick % values.length;
        const sorted = [...values].sort((a, b) => a - b);
        expect(selectKth(Float64Array.from(values), k)).toBe(sorted[k]);
      }),
      { numRuns: 300 },
    );
  });

  it('reads stamps like Date.parse does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) }), (ms) => {
        expect(instantMs(new Date(ms).toISOString())).toBe(ms);
      }),
    );
    for (const odd of [
      '2026-07-10T21:04:05+02:00',
      '2026-07-10T21:04:05Z',
      '2026-02-30T00:00:00.000Z',
      'soon',
      '2026-07-1xT21:04:05.000Z',
    ]) {
      expect(instantMs(odd)).toEqual(Date.parse(odd));
    }
  });
});

describe('response times', () => {
  it('gives median and p90 per category and overall for the responses and resolutions of the day', () => {
    const at = '2026-07-11T10:00:00+02:00';
    const spec: [category: string, respondAfter: number, resolveAfter: number | null][] = [
      ['lost-property', 1, 30],
      ['lost-property', 2, null],
      ['lost-property', 3, 90],
      ['ticketing', 10, 20],
      ['ticketing', 45, null],
    ];
    const issues = spec.map(([category, respondAfter, resolveAfter]) => {
      let issue = step(log(at, { category }), minutesLater(at, respondAfter), 'assignOwner', owner(sam));
      if (resolveAfter !== null) issue = step(issue, minutesLater(at, resolveAfter), 'setStatus', resolve());
      return issue;
    });
    const { responseTimes } = summarizeDay(issues, event, '2026-07-11', monday);
    expect(responseTimes.firstResponse).toEqual({ count: 5, medianMinutes: 3, p90Minutes: 45, skippedClockSkew: 0 });
    expect(responseTimes.resolution).toEqual({ count: 3, medianMinutes: 30, p90Minutes: 90, skippedClockSkew: 0 });
    expect(responseTimes.byCategory).toEqual([
      {
        category: 'lost-property',
        label: 'Lost property',
        firstResponse: { count: 3, medianMinutes: 2, p90Minutes: 3, skippedClockSkew: 0 },
        resolution: { count: 2, medianMinutes: 30, p90Minutes: 90, skippedClockSkew: 0 },
      },
      {
        category: 'ticketing',
        label: 'Tickets & wristbands',
        firstResponse: { count: 2, medianMinutes: 10, p90Minutes: 45, skippedClockSkew: 0 },
        resolution: { count: 1, medianMinutes: 20, p90Minutes: 20, skippedClockSkew: 0 },
      },
    ]);
  });

  it('counts an issue logged yesterday but resolved today in today’s resolutions, with its full time', () => {
    let leftover = log('2026-07-10T22:00:00+02:00');
    leftover = step(leftover, '2026-07-10T22:05:00+02:00', 'assignOwner', owner(kim), alex);
    leftover = step(leftover, '2026-07-11T10:00:00+02:00', 'setStatus', resolve(), kim);
    const saturday = summarizeDay([leftover], event, '2026-07-11', monday);
    expect(saturday.totals.logged).toBe(0);
    expect(saturday.totals.resolved).toBe(1);
    expect(saturday.responseTimes.resolution).toMatchObject({ count: 1, medianMinutes: 720 });
    expect(saturday.responseTimes.firstResponse.count).toBe(0);
    const friday = summarizeDay([leftover], event, '2026-07-10', monday);
    expect(friday.totals).toMatchObject({ logged: 1, resolved: 0 });
    expect(friday.responseTimes.firstResponse).toMatchObject({ count: 1, medianMinutes: 5 });
    // At the end of Friday it was still being worked, though it is resolved now.
    expect(friday.totals.byStatus.in_progress).toBe(1);
    expect(friday.carriedOver.issues).toEqual([
      expect.objectContaining({ id: leftover.id, status: 'in_progress', ownerName: 'Kim' }),
    ]);
  });

  it('leaves out a response stamped before the issue was logged by a phone with a slow clock', () => {
    const issue = step(log('2026-07-11T12:00:00+02:00'), '2026-07-11T11:00:00+02:00', 'assignOwner', owner(kim), kim);
    const { firstResponse } = summarizeDay([issue], event, '2026-07-11', monday).responseTimes;
    expect(firstResponse).toEqual({ count: 0, medianMinutes: null, p90Minutes: null, skippedClockSkew: 1 });
  });
});

describe('mood', () => {
  it('compares intake and close moods of the attendees whose issue ended that day', () => {
    const at = '2026-07-11T15:00:00+02:00';
    const later = minutesLater(at, 20);
    const issues = [
      step(log(at, { moodAtIntake: 'upset' }), later, 'setStatus', resolve({ moodAtClose: 'satisfied' })),
      step(log(at, { moodAtIntake: 'neutral' }), later, 'setStatus', resolve({ moodAtClose: 'neutral' })),
      step(log(at, { moodAtIntake: 'satisfied' }), later, 'setStatus', resolve({ moodAtClose: 'angry' })),
      step(log(at, { moodAtIntake: 'angry' }), later, 'setStatus', resolve({ moodAtClose: 'delighted' })),
      step(log(at, { moodAtIntake: 'upset' }), later, 'setStatus', resolve()),
      log(at),
    ];
    const { mood } = summarizeDay(issues, event, '2026-07-11', monday);
    expect(mood).toEqual({
      atIntake: { angry: 1, upset: 2, neutral: 1, satisfied: 1, delighted: 0 },
      intakeNotRecorded: 1,
      atClose: { angry: 1, upset: 0, neutral: 1, satisfied: 1, delighted: 1 },
      closeNotRecorded: 1,
      bothRecorded: 4,
      happier: 2,
      same: 1,
      unhappier: 1,
      leftHappierShare: 0.5,
    });
  });
});

describe('a day with no issues', () => {
  it('is all zeros and empty lists, with null medians and shares and never NaN', () => {
    const otherDay = log('2026-07-12T12:00:00+02:00');
    const summary = summarizeDay([otherDay], event, '2026-07-11', monday);
    expect(summary.totals.logged).toBe(0);
    expect(summary.totals.byHour).toHaveLength(24);
    expect(summary.totals.byHour.every((bucket) => bucket.count === 0)).toBe(true);
    expect(summary.totals.byCategory).toEqual([]);
    expect(summary.responseTimes.firstResponse).toEqual({ count: 0, medianMinutes: null, p90Minutes: null, skippedClockSkew: 0 });
    expect(summary.mood.leftHappierShare).toBeNull();
    expect(summary.carriedOver.total).toBe(0);
    expect(summary.publicRisk.issues).toEqual([]);
    expect(summary.notableNotes).toEqual([]);
    expect(summary.comparison.change).toEqual({
      logged: 0,
      resolved: 0,
      medianFirstResponseMinutes: null,
      publicRisk: 0,
      leftHappierShare: null,
    });
    expect(numbersIn(summary).every(Number.isFinite)).toBe(true);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    expect(numbersIn(summarizeDay([], event, '2026-07-11', monday)).every(Number.isFinite)).toBe(true);
  });
});

describe('carried into tomorrow', () => {
  const c1 = log('2026-07-10T10:00:00+02:00', { summary: 'Wristband will not scan' });
  const c2 = step(log('2026-07-11T12:00:00+02:00'), '2026-07-11T12:05:00+02:00', 'assignOwner', owner(sam));
  const c3 = step(log('2026-07-11T13:00:00+02:00'), '2026-07-11T13:10:00+02:00', 'setStatus', resolve());
  let c4 = log('2026-07-11T14:00:00+02:00', { severity: 'high' });
  c4 = step(c4, '2026-07-11T14:05:00+02:00', 'assignOwner', owner(kim), kim);
  c4 = step(c4, '2026-07-12T10:00:00+02:00', 'setStatus', resolve(), kim);
  let c5 = step(log('2026-07-11T15:00:00+02:00'), '2026-07-11T15:10:00+02:00', 'setStatus', resolve());
  c5 = step(c5, '2026-07-11T15:11:00+02:00', 'setFollowUp', { needed: true });
  c5 = step(c5, '2026-07-11T15:12:00+02:00', 'setStatus', { status: 'follow_up' });
  const c6 = log('2026-07-12T08:00:00+02:00');
  const issues = [c1, c2, c3, c4, c5, c6];

  it('lists what was still open at the end of the day, unowned first, even if it was finished later', () => {
    const { carriedOver } = summarizeDay(issues, event, '2026-07-11', monday);
    expect(carriedOver).toMatchObject({
      total: 4,
      fromThisDay: 3,
      fromEarlierDays: 1,
      byStatus: { open: 1, in_progress: 2, follow_up: 1 },
      withoutOwner: 2,
    });
    expect(carriedOver.issues.map((issue) => issue.id)).toEqual([c1.id, c5.id, c4.id, c2.id]);
    expect(carriedOver.issues[0]).toEqual({
      id: c1.id,
      summary: 'Wristband will not scan',
      category: 'lost-property',
      severity: 'medium',
      status: 'open',
      ownerName: null,
      createdAt: c1.createdAt,
      loggedOn: '2026-07-10',
    });
    expect(carriedOver.issues[2]).toMatchObject({ status: 'in_progress', ownerName: 'Kim' });
  });

  it('while the day runs, reads the issues as they are now', () => {
    const now = new Date('2026-07-11T16:00:00+02:00');
    const running = summarizeDay([c1, c2, c3, c5], event, '2026-07-11', now);
    expect(running.isOver).toBe(false);
    expect(running.asOf).toBe(now.toISOString());
    expect(running.carriedOver.total).toBe(3);
    const over = summarizeDay(issues, event, '2026-07-11', monday);
    expect(over).toMatchObject({ isOver: true, asOf: '2026-07-12T04:00:00.000Z' });
  });
});

describe('public risk, referrals and follow-ups', () => {
  it('lists the day’s public risks where they stand, including older issues flagged that day', () => {
    let posted = log('2026-07-11T14:00:00+02:00', { category: 'cashless', summary: 'Token refund refused' });
    posted = step(posted, '2026-07-11T14:02:00+02:00', 'flagPublicRisk', { level: 'posted', link: 'https://social.example/p/1' });
    posted = step(posted, '2026-07-11T14:10:00+02:00', 'flagPublicRisk', { level: 'posted', escalateToComms: true }, alex);
    posted = step(posted, '2026-07-11T14:12:00+02:00', 'assignOwner', owner(kim), alex);
    posted = step(posted, '2026-07-11T14:20:00+02:00', 'recordToldAttendee', { text: 'Refund by Monday' }, kim);
    let older = log('2026-07-10T15:00:00+02:00', { summary: 'Queue at the gate' });
    older = step(older, '2026-07-11T12:00:00+02:00', 'flagPublicRisk', { level: 'threatens_to_post' });
    let cleared = log('2026-07-11T16:00:00+02:00', { publicRisk: { level: 'press_present' } });
    cleared = step(cleared, '2026-07-11T16:30:00+02:00', 'flagPublicRisk', { level: 'none' }, alex);

    const saturday = summarizeDay([posted, older, cleared], event, '2026-07-11', monday);
    expect(saturday.publicRisk).toEqual({
      count: 2,
      byLevel: { threatens_to_post: 1, posted: 1, press_present: 0 },
      escalated: 1,
      stillOpen: 2,
      issues: [
        {
          id: posted.id,
          summary: 'Token refund refused',
          level: 'posted',
          escalatedToComms: true,
          status: 'in_progress',
          ownerName: 'Kim',
          toldAttendee: 'Refund by Monday',
          createdAt: posted.createdAt,
        },
        expect.objectContaining({ id: older.id, level: 'threatens_to_post', escalatedToComms: false, status: 'open' }),
      ],
    });
    // On Friday nobody had flagged the older issue yet.
    expect(summarizeDay([posted, older, cleared], event, '2026-07-10', monday).publicRisk.count).toBe(0);
  });

  it('counts referrals by status at the end of the day or by a referral category, closed or not', () => {
    let medical = log('2026-07-11T11:00:00+02:00', { category: 'medical-welfare' });
    medical = step(medical, '2026-07-11T11:05:00+02:00', 'setStatus', { status: 'referred', resolution: 'Medics' });
    medical = step(medical, '2026-07-11T18:00:00+02:00', 'setStatus', { status: 'closed' }, alex);
    let handedOn = log('2026-07-11T12:00:00+02:00', { category: 'lost-person' });
    handedOn = step(handedOn, '2026-07-11T12:10:00+02:00', 'setStatus', { status: 'referred', resolution: 'Security has it' });
    let closedLater = log('2026-07-11T12:30:00+02:00', { category: 'lost-person' });
    closedLater = step(closedLater, '2026-07-11T12:40:00+02:00', 'setStatus', { status: 'referred', resolution: 'Security' });
    closedLater = step(closedLater, '2026-07-12T09:00:00+02:00', 'setStatus', { status: 'closed' }, alex);
    const solved = step(log('2026-07-11T13:00:00+02:00'), '2026-07-11T13:05:00+02:00', 'setStatus', resolve());
    const { referrals } = summarizeDay([medical, handedOn, closedLater, solved], event, '2026-07-11', monday);
    expect(referrals).toEqual({
      count: 3,
      byCategory: [
        { key: 'lost-person', label: 'Lost person', count: 2 },
        { key: 'medical-welfare', label: 'Medical or welfare', count: 1 },
      ],
    });
  });

  it('counts follow-ups not yet done that the attendee consented to, soonest due first (without consent nobody may reach them)', () => {
    const at = '2026-07-11T17:00:00+02:00';
    const later = minutesLater(at, 5);
    const due = step(log(at, { consentGiven: true }), later, 'setFollowUp', {
      needed: true,
      dueAt: '2026-07-12T10:00:00Z',
      reason: 'refund',
    });
    const noConsent = step(log(at), later, 'setFollowUp', { needed: true, reason: 'apology' });
    let sent = step(log(at, { consentGiven: true }), later, 'setFollowUp', { needed: true, dueAt: '2026-07-20T10:00:00Z' });
    sent = step(sent, minutesLater(at, 6), 'setOutreach', { outreach: 'sent' });
    let done = step(log(at, { consentGiven: true }), later, 'setFollowUp', { needed: true });
    for (const outreach of ['sent', 'replied', 'done']) done = step(done, minutesLater(at, 7), 'setOutreach', { outreach });

    const { followUps } = summarizeDay([due, noConsent, sent, done], event, '2026-07-11', monday);
    expect(followUps).toEqual({
      count: 2,
      overdue: 1,
      byOutreach: { pending: 1, sent: 1, replied: 0 },
      items: [
        {
          issueId: due.id,
          category: 'lost-property',
          reason: 'refund',
          dueAt: '2026-07-12T10:00:00Z',
          outreach: 'pending',
        },
        {
          issueId: sent.id,
          category: 'lost-property',
          reason: null,
          dueAt: '2026-07-20T10:00:00Z',
          outreach: 'sent',
        },
      ],
    });
  });
});

describe('staff and notes', () => {
  let s1 = step(log('2026-07-11T13:00:00+02:00'), '2026-07-11T13:02:00+02:00', 'assignOwner', owner(sam));
  s1 = step(s1, '2026-07-11T15:00:00+02:00', 'handOver', { to: owner(kim).owner, note: 'Kim knows the cabin' });
  const s2 = step(log('2026-07-11T13:30:00+02:00'), '2026-07-11T13:31:00+02:00', 'assignOwner', owner(alex), alex);
  const s3 = step(log('2026-07-11T14:00:00+02:00', {}, kim), '2026-07-11T14:01:00+02:00', 'assignOwner', owner(kim), kim);
  let s4 = step(log('2026-07-10T20:00:00+02:00', {}, alex), '2026-07-10T20:01:00+02:00', 'assignOwner', owner(alex), alex);
  s4 = step(s4, '2026-07-11T09:00:00+02:00', 'handOver', { to: owner(sam).owner, note: 'Shift change' }, alex);
  const issues = [s1, s2, s3, s4];

  it('counts who logged and who owned the day’s issues, and lists the day’s handovers', () => {
    const { staff } = summarizeDay(issues, event, '2026-07-11', monday);
    expect(staff).toEqual({
      people: 3,
      byOwner: [
        { id: 'staff-kim', name: 'Kim', count: 2 },
        { id: 'staff-alex', name: 'Alex', count: 1 },
      ],
      byLogger: [
        { id: 'staff-sam', name: 'Sam', count: 2 },
        { id: 'staff-kim', name: 'Kim', count: 1 },
      ],
      handovers: {
        count: 2,
        items: [
          { issueId: s4.id, at: '2026-07-11T07:00:00.000Z', from: 'Alex', to: 'Sam', by: 'Alex' },
          { issueId: s1.id, at: '2026-07-11T13:00:00.000Z', from: 'Sam', to: 'Kim', by: 'Sam' },
        ],
      },
    });
  });

  it('reads owners as they were at the end of the day', () => {
    const { staff } = summarizeDay(issues, event, '2026-07-10', monday);
    expect(staff.byOwner).toEqual([{ id: 'staff-alex', name: 'Alex', count: 1 }]);
    expect(staff.handovers.count).toBe(0);
  });

  it('picks notes worth reading: public risk, conflicts, urgent, high — at most ten', () => {
    const at = '2026-07-11T20:00:00+02:00';
    let risky = log(at, { publicRisk: { level: 'threatens_to_post' } });
    risky = step(risky, minutesLater(at, 1), 'addNote', { text: 'Filming the queue' });
    const urgent = Array.from({ length: 10 }, (_, i) =>
      step(log(at, { severity: 'urgent' }), minutesLater(at, 2 + i), 'addNote', { text: `Urgent note ${i}` }),
    );
    const high = step(log(at, { severity: 'high' }), minutesLater(at, 1), 'addNote', { text: 'High note' });
    const low = step(log(at, { severity: 'low' }), minutesLater(at, 1), 'addNote', { text: 'Low note' });
    const disputed = staleChangeConflict(log(at, { severity: 'low' }), {
      name: 'setStatus',
      args: { status: 'closed' },
      mutationUuid: 'm-conflict',
      now: new Date(minutesLater(at, 3)).toISOString(),
      actor: owner(kim).owner,
      reason: 'It was referred.',
      others: ['Sam'],
    });
    const notes = summarizeDay([risky, ...urgent, high, low, disputed], event, '2026-07-11', monday).notableNotes;
    expect(notes).toHaveLength(10);
    expect(notes[0]).toEqual({
      issueId: risky.id,
      at: minutesLater(at, 1),
      by: 'Sam',
      kind: 'note',
      reason: 'public-risk',
      text: 'Filming the queue',
    });
    expect(notes[1]).toMatchObject({ issueId: disputed.id, kind: 'conflict', reason: 'conflict', by: 'Kim' });
    expect(notes.slice(2).map((note) => note.text)).toEqual(
      Array.from({ length: 8 }, (_, i) => `Urgent note ${9 - i}`), // newest first
    );
  });
});

describe('comparison with the previous day', () => {
  it('puts the headline numbers side by side with the difference', () => {
    const fri = '2026-07-10T10:00:00+02:00';
    let a1 = step(log(fri, { moodAtIntake: 'upset' }), minutesLater(fri, 4), 'assignOwner', owner(sam));
    a1 = step(a1, minutesLater(fri, 20), 'setStatus', resolve({ moodAtClose: 'satisfied' }));
    const a2 = step(log(minutesLater(fri, 60)), minutesLater(fri, 70), 'assignOwner', owner(sam));
    const sat = '2026-07-11T10:00:00+02:00';
    let b1 = step(log(sat, { moodAtIntake: 'neutral' }), minutesLater(sat, 2), 'assignOwner', owner(kim), kim);
    b1 = step(b1, minutesLater(sat, 30), 'setStatus', resolve({ moodAtClose: 'neutral' }), kim);
    let b2 = step(log(sat, { moodAtIntake: 'upset' }), minutesLater(sat, 6), 'assignOwner', owner(kim), kim);
    b2 = step(b2, minutesLater(sat, 15), 'setStatus', resolve({ moodAtClose: 'delighted' }), kim);
    let b3 = log(sat, { publicRisk: { level: 'posted' } });
    b3 = step(b3, minutesLater(sat, 8), 'assignOwner', owner(sam));

    const { comparison } = summarizeDay([a1, a2, b1, b2, b3], event, '2026-07-11', monday);
    expect(comparison).toEqual({
      current: { day: '2026-07-11', logged: 3, resolved: 2, medianFirstResponseMinutes: 6, publicRisk: 1, leftHappierShare: 0.5 },
      previous: { day: '2026-07-10', logged: 2, resolved: 1, medianFirstResponseMinutes: 4, publicRisk: 0, leftHappierShare: 1 },
      change: { logged: 1, resolved: 1, medianFirstResponseMinutes: 2, publicRisk: 1, leftHappierShare: -0.5 },
    });
  });
});

describe('privacy', () => {
  const attendee = {
    name: 'Robin Vermeer',
    email: 'robin.vermeer@example.org',
    phone: '+31 6 1234 5678',
    ticketId: 'WB-ROBIN42',
  };
  const secrets = ['robin', 'vermeer', 'robin.vermeer@example.org', '1234 5678', '612345678', 'wb-robin42'];

  it('keeps attendee names, emails, phones and tickets out of the summary, even when staff typed them into notes', () => {
    const at = '2026-07-11T21:00:00+02:00';
    let issue = log(at, {
      severity: 'urgent',
      summary: 'Robin lost her wallet',
      attendee: { ...attendee, preferredChannel: 'phone' },
      consentGiven: true,
      moodAtIntake: 'angry',
      publicRisk: { level: 'threatens_to_post' },
    });
    issue = step(issue, minutesLater(at, 1), 'assignOwner', owner(sam));
    issue = step(issue, minutesLater(at, 2), 'addNote', { text: 'Called Robin on 0612345678, furious' });
    issue = step(issue, minutesLater(at, 3), 'addNote', { text: 'Mailed robin.vermeer@example.org; ticket WB-ROBIN42' });
    issue = step(issue, minutesLater(at, 4), 'addNote', { text: 'Her number is +31 6 1234 5678' });
    issue = step(issue, minutesLater(at, 5), 'recordToldAttendee', { text: 'Told Robin Vermeer we call back by noon' });
    issue = step(issue, minutesLater(at, 6), 'handOver', { to: owner(kim).owner, note: 'VERMEER waits at the info tent' });
    issue = step(issue, minutesLater(at, 7), 'setFollowUp', { needed: true, channel: 'phone', reason: 'apology' });

    const summary = summarizeDay([issue], event, '2026-07-11', monday);
    const json = JSON.stringify(summary).toLowerCase();
    for (const secret of secrets) expect(json).not.toContain(secret);
    // The notes are still there to read (two per issue at most), with the attendee taken out.
    expect(summary.notableNotes.map((note) => note.text)).toEqual([
      '[attendee] waits at the info tent',
      'Her number is [contact]',
    ]);
    expect(summary.publicRisk.issues[0]).toMatchObject({
      summary: '[attendee] lost her wallet',
      toldAttendee: 'Told [attendee] [attendee] we call back by noon',
    });
    expect(summary.followUps).toMatchObject({ count: 1 });
  });

  it('takes the attendee out of what staff typed, however they wrote it', () => {
    const robin = { ...attendee, preferredChannel: null };
    const cases: [typed: string, shown: string][] = [
      ['Called Robin on 0612345678, furious', 'Called [attendee] on [contact], furious'],
      ['Mailed robin.vermeer@example.org; ticket wb-robin42', 'Mailed [contact]; ticket [contact]'],
      ['Her number is +31 6 1234 5678', 'Her number is [contact]'],
      ['Ring 06-12 34 56 78 after the show', 'Ring [contact] after the show'],
      ['Friend (other@example.com) will pick it up', 'Friend ([contact]) will pick it up'],
      ['Robinson from security has the bag; see 2026-07-11 14:02', 'Robinson from security has the bag; see 2026-07-11 14:02'],
    ];
    for (const [typed, shown] of cases) expect(withoutContactDetails(typed, robin)).toBe(shown);
  });

  it('leaks no demo attendee’s contact details either', () => {
    const demo = generateDemoFestival({ seed: 11, issueCount: 400 });
    const contacts = demo.issues.flatMap(({ attendee: a }) => [a.email, a.phone, a.ticketId, a.name.includes(' ') ? a.name : '']);
    for (const day of demo.event.days) {
      const json = JSON.stringify(summarizeDay(demo.issues, demo.event, day, new Date('2026-07-13T01:00:00Z')));
      for (const contact of contacts) if (contact !== '') expect(json).not.toContain(contact);
    }
  });
});

describe('totals always add up', () => {
  const categories = ['lost-property', 'ticketing', 'medical-welfare', 'retired-category'];
  const zones = [null, 'main-stage', 'car-park', 'old-zone'];
  const start = Date.parse('2026-07-09T22:00:00Z');
  const issueSpec = fc.record({
    createdMinute: fc.integer({ min: 0, max: 4 * 24 * 60 }),
    category: fc.constantFrom(...categories),
    severity: fc.constantFrom('low', 'medium', 'high', 'urgent'),
    zoneId: fc.constantFrom(...zones),
    mood: fc.constantFrom(null, 'angry', 'neutral', 'delighted'),
    story: fc.constantFrom('untouched', 'owned', 'resolved', 'resolved-next-day', 'follow-up', 'referred-closed'),
    workMinutes: fc.integer({ min: 1, max: 36 * 60 }),
  });

  type Spec = typeof issueSpec extends fc.Arbitrary<infer T> ? T : never;

  function build(spec: Spec): Issue {
    const created = new Date(start + spec.createdMinute * 60_000).toISOString();
    const { createdMinute: _, story, workMinutes, mood, ...fields } = spec;
    let issue = log(created, { ...fields, moodAtIntake: mood });
    const later = (extra: number) => minutesLater(created, workMinutes + extra);
    if (story === 'untouched') return issue;
    issue = step(issue, later(0), 'assignOwner', owner(kim), alex);
    if (story === 'owned') return issue;
    if (story === 'referred-closed') {
      issue = step(issue, later(5), 'setStatus', { status: 'referred', resolution: 'Medics' }, kim);
      return step(issue, later(60), 'setStatus', { status: 'closed' }, alex);
    }
    issue = step(
      issue,
      later(story === 'resolved-next-day' ? 24 * 60 : 10),
      'setStatus',
      resolve({ moodAtClose: 'satisfied' }),
      kim,
    );
    if (story !== 'follow-up') return issue;
    issue = step(issue, later(11), 'setFollowUp', { needed: true }, kim);
    return step(issue, later(12), 'setStatus', { status: 'follow_up' }, kim);
  }

  const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

  it('by status, category, severity, zone and hour, each sum to the issues logged that day', () => {
    fc.assert(
      fc.property(
        fc.array(issueSpec, { maxLength: 25 }),
        fc.constantFrom('2026-07-10', '2026-07-11', '2026-07-12'),
        (specs, day) => {
          const issues = specs.map(build);
          const summary = summarizeDay(issues, event, day, monday);
          const { totals } = summary;
          const logged = issues.filter((issue) => operationalDayOf(issue.createdAt, event) === day).length;
          expect(totals.logged).toBe(logged);
          expect(sum(Object.values(totals.byStatus))).toBe(logged);
          expect(sum(Object.values(totals.bySeverity))).toBe(logged);
          expect(sum(totals.byCategory.map((c) => c.count))).toBe(logged);
          expect(sum(totals.byZone.map((z) => z.count))).toBe(logged);
          expect(sum(totals.byHour.map((h) => h.count))).toBe(logged);
          expect(sum(Object.values(summary.carriedOver.byStatus))).toBe(summary.carriedOver.total);
          const { mood } = summary;
          expect(mood.happier + mood.same + mood.unhappier).toBe(mood.bothRecorded);
          expect(sum(Object.values(mood.atIntake)) + mood.intakeNotRecorded).toBe(logged);
          expect(sum(Object.values(mood.atClose)) + mood.closeNotRecorded).toBe(totals.resolved);
          expect(numbersIn(summary).every(Number.isFinite)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
