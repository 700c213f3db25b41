import { beforeAll, describe, expect, it } from 'vitest';
import { type Issue, moods } from '../../../src/domain/issue';
import { attendeeSchema } from '../../../src/domain/mutation-args';
import { localDateTime, operationalDayOf } from '../../../src/domain/operational-day';
import { uuidPattern } from '../../../src/domain/uuid-v7';
import { parseOrThrow } from '../../../src/domain/validation';
import { type DemoFestival, defaultDemoNow, generateDemoFestival } from '../../../tools/demo/demo-festival';

let festival: DemoFestival;
const share = (predicate: (issue: Issue) => boolean) => festival.issues.filter(predicate).length / festival.issues.length;

beforeAll(() => {
  festival = generateDemoFestival({ seed: 42, issueCount: 2000 });
});

describe('the demo festival', () => {
  it('is the same festival, byte for byte, for the same seed, and a different one for another seed', () => {
    const a = generateDemoFestival({ seed: 7, issueCount: 300 });
    const b = generateDemoFestival({ seed: 7, issueCount: 300 });
    const c = generateDemoFestival({ seed: 8, issueCount: 300 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.issues.map((i) => i.id)).not.toEqual(a.issues.map((i) => i.id));
  });

  it('holds exactly the number of issues asked for', () => {
    expect(festival.issues).toHaveLength(2000);
    expect(generateDemoFestival({ seed: 1, issueCount: 0 }).issues).toEqual([]);
  });

  it('is a three-day festival in Amsterdam with a crew of about 25, two of them organizers', () => {
    expect(festival).toMatchObject({ format: 'helptent-demo', version: 1 });
    expect(festival.event).toMatchObject({ timezone: 'Europe/Amsterdam', dayStartsAt: '06:00' });
    expect(festival.event.days).toEqual(['2026-07-10', '2026-07-11', '2026-07-12']);
    expect(festival.staff.length).toBeGreaterThanOrEqual(20);
    expect(festival.staff.filter((m) => m.role === 'organizer')).toHaveLength(2);
    expect(festival.staff.filter((m) => m.role === 'coordinator').length).toBeGreaterThanOrEqual(3);
    expect(new Set(festival.staff.map((m) => m.id)).size).toBe(festival.staff.length);
  });

  it('keeps every issue consistent with the rules the mutators enforce', () => {
    const staffIds = new Set(festival.staff.map((m) => m.id));
    const categoryIds = new Set(festival.event.categories.map((c) => c.id));
    const zoneIds = new Set(festival.event.zones.map((z) => z.id));
    const now = Date.parse(defaultDemoNow);
    for (const issue of festival.issues) {
      expect(issue.id).toMatch(uuidPattern);
      expect(issue.eventId).toBe(festival.event.id);
      expect(categoryIds.has(issue.category)).toBe(true);
      expect(issue.zoneId === null || zoneIds.has(issue.zoneId)).toBe(true);
      expect(staffIds.has(issue.reportedBy.id)).toBe(true);
      if (issue.owner) expect(staffIds.has(issue.owner.id)).toBe(true);
      if (issue.status === 'in_progress') expect(issue.owner).not.toBeNull();
      expect(issue.consent.at !== null).toBe(issue.consent.given);
      if (issue.followUp.outreach !== 'pending') expect(issue.consent.given && issue.followUp.needed).toBe(true);
      if (['resolved', 'referred', 'closed'].includes(issue.status)) expect(issue.resolution).not.toBe('');
      expect(issue.closedAt !== null).toBe(issue.status === 'closed');
      parseOrThrow(attendeeSchema, issue.attendee, 'attendee');
      // Phrases keep their templates ("{name} took ownership") by design: what was written for people is checked.
      const written = JSON.stringify(issue, (key, value) => (key === 'phrase' ? undefined : value));
      expect(written, 'a template placeholder was left unfilled').not.toMatch(/\{\w+\}/);
      if (issue.attendee.email) expect(issue.attendee.email).toMatch(/@example\.org$/);
      if (issue.attendee.phone) expect(issue.attendee.phone).toMatch(/^\+44 7700 900\d{3}$/);

      const [first, ...rest] = issue.timeline;
      expect(first).toMatchObject({ kind: 'created', at: issue.createdAt });
      expect(issue.updatedAt).toBe(issue.timeline.at(-1)!.at);
      const times = issue.timeline.map((entry) => Date.parse(entry.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThanOrEqual(now);
      for (const entry of rest) expect(staffIds.has(entry.by.id)).toBe(true);
    }
  });

  it('gives every timeline entry its own UUIDv7, across all issues', () => {
    const ids = festival.issues.flatMap((issue) => issue.timeline.map((entry) => entry.id));
    for (const id of ids) expect(id[14]).toBe('7');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('spreads issues over all three festival days, including the small hours of each night', () => {
    const days = new Set(festival.issues.map((issue) => operationalDayOf(issue.createdAt, festival.event)));
    expect([...days].sort()).toEqual(festival.event.days);
    const nightIssues = festival.issues.filter(
      (issue) => localDateTime(issue.createdAt, festival.event.timezone).minutes < 3 * 60,
    );
    expect(nightIssues.length).toBeGreaterThan(50);
    expect(new Set(nightIssues.map((issue) => operationalDayOf(issue.createdAt, festival.event))).size).toBe(3);
  });

  it('is busiest right after the headliners and at gate opening, not in the afternoon', () => {
    const perHour = (from: number, to: number) =>
      festival.issues.filter((issue) => {
        const minutes = localDateTime(issue.createdAt, festival.event.timezone).minutes;
        return from <= to ? minutes >= from * 60 && minutes < to * 60 : minutes >= from * 60 || minutes < to * 60;
      }).length / ((to - from + 24) % 24 || 24);
    expect(perHour(23, 0.5)).toBeGreaterThan(1.5 * perHour(15, 17));
    expect(perHour(12, 13)).toBeGreaterThan(1.5 * perHour(15, 17));
  });

  it('has a believable mix: lost property, cashless and tickets lead; praise and public risks are rare', () => {
    const counts = new Map<string, number>();
    for (const issue of festival.issues) counts.set(issue.category, (counts.get(issue.category) ?? 0) + 1);
    const topThree = [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([id]) => id);
    expect(topThree.sort()).toEqual(['cashless', 'lost-property', 'ticketing']);
    expect(share((i) => i.category === 'praise')).toBeGreaterThan(0.015);
    expect(share((i) => i.category === 'praise')).toBeLessThan(0.05);
    expect(share((i) => i.publicRisk.level !== 'none')).toBeGreaterThan(0.008);
    expect(share((i) => i.publicRisk.level !== 'none')).toBeLessThan(0.035);
    expect(share((i) => i.timeline.some((e) => e.kind === 'handover'))).toBeGreaterThan(0.1);
    expect(share((i) => i.timeline.some((e) => e.kind === 'handover'))).toBeLessThan(0.2);
    expect(share((i) => i.owner !== null)).toBeGreaterThan(0.75);
    const reachable = festival.issues.filter((i) => i.attendee.email || i.attendee.phone);
    const consenting = reachable.filter((i) => i.consent.given).length / reachable.length;
    expect(consenting).toBeGreaterThan(0.45);
    expect(consenting).toBeLessThan(0.65);
    expect(festival.issues.some((i) => i.category === 'medical-welfare' && i.status === 'referred')).toBe(true);
  });

  it('sends most attendees away happier than they came', () => {
    const both = festival.issues.filter((i) => i.moodAtIntake && i.moodAtClose);
    const happier = both.filter((i) => moods.indexOf(i.moodAtClose!) > moods.indexOf(i.moodAtIntake!)).length;
    expect(happier / both.length).toBeGreaterThan(0.5);
  });

  it('leaves some work for the last night and some follow-ups at every outreach stage', () => {
    const lastDay = festival.event.days.at(-1);
    const stillOpen = festival.issues.filter(
      (i) => ['open', 'in_progress'].includes(i.status) && operationalDayOf(i.createdAt, festival.event) === lastDay,
    );
    expect(stillOpen.length).toBeGreaterThan(0);
    const outreach = new Set(festival.issues.filter((i) => i.followUp.needed).map((i) => i.followUp.outreach));
    expect([...outreach].sort()).toEqual(['done', 'pending', 'replied', 'sent']);
    expect(new Set(festival.issues.filter((i) => i.followUp.needed).map((i) => i.followUp.reason))).toEqual(
      new Set(['lost_property', 'refund', 'apology', 'thank_you']),
    );
  });

  it('is a snapshot: with an earlier "now" nothing has happened after it', () => {
    const now = '2026-07-11T18:00:00.000Z';
    const snapshot = generateDemoFestival({ seed: 3, issueCount: 500, now });
    expect(snapshot.issues).toHaveLength(500);
    for (const issue of snapshot.issues) expect(issue.updatedAt <= now).toBe(true);
    expect(snapshot.issues.some((i) => i.status === 'open' || i.status === 'in_progress')).toBe(true);
  });

  it('refuses options it cannot honour with a sentence', () => {
    expect(() => generateDemoFestival({ seed: -1, issueCount: 1 })).toThrow(/seed must be a whole number/);
    expect(() => generateDemoFestival({ seed: 1, issueCount: 1.5 })).toThrow(/issue count/);
    expect(() => generateDemoFestival({ seed: 1, issueCount: 1, now: 'soon' })).toThrow(/not a date and time/);
    expect(() => generateDemoFestival({ seed: 1, issueCount: 1, now: '2026-07-01T00:00:00Z' })).toThrow(/before the festival/);
  });
});
