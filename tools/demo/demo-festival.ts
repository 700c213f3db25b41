import { defaultEvent, type FestivalEvent } from '../../src/domain/event';
import type { Issue } from '../../src/domain/issue';
import type { StaffMember } from '../../src/domain/staff';
import { demoIssue } from './demo-issue-story';
import { instantAt, intakeSampler, intakeSlots } from './demo-schedule';
import { demoStaff } from './demo-staff';
import { seededRandom } from './seeded-random';

/** A whole demo festival as one JSON document; `format` and `version` let an importer check it. */
export interface DemoFestival {
  format: 'helptent-demo';
  version: 1;
  event: FestivalEvent;
  staff: StaffMember[];
  issues: Issue[];
}

export interface DemoFestivalOptions {
  /** Same seed, same festival: byte for byte. */
  seed: number;
  issueCount: number;
  /** ISO time the data is a snapshot of; story steps after it have not happened yet. */
  now?: string;
}

export const demoFestivalDays = ['2026-07-10', '2026-07-11', '2026-07-12'];
/** 03:00 on Monday in Amsterdam: the last night is over, a few issues are still being worked. */
export const defaultDemoNow = '2026-07-13T01:00:00.000Z';
export const maxDemoIssues = 1_000_000;

export function demoEvent(): FestivalEvent {
  return {
    ...defaultEvent('demo-festival-2026', 'Europe/Amsterdam'),
    name: 'Dijkdrift Festival 2026 (demo)',
    days: [...demoFestivalDays],
  };
}

function checkOptions(options: DemoFestivalOptions): number {
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff) {
    throw new RangeError(`The seed must be a whole number from 0 to 4294967295, not ${options.seed}.`);
  }
  if (!Number.isInteger(options.issueCount) || options.issueCount < 0 || options.issueCount > maxDemoIssues) {
    throw new RangeError(`The issue count must be a whole number from 0 to ${maxDemoIssues}, not ${options.issueCount}.`);
  }
  const nowMs = Date.parse(options.now ?? defaultDemoNow);
  if (Number.isNaN(nowMs)) throw new RangeError(`"${options.now}" is not a date and time (try 2026-07-11T20:00:00Z).`);
  return nowMs;
}

/**
 * A realistic three-day festival: staff on shifts, and issues whose times, categories, moods,
 * owners, handovers and follow-ups look like a real help desk's. Pure and deterministic.
 */
export function generateDemoFestival(options: DemoFestivalOptions): DemoFestival {
  const nowMs = checkOptions(options);
  const random = seededRandom(options.seed);
  const event = demoEvent();
  const staff = demoStaff();
  const sample = intakeSampler(intakeSlots(event.days, event.timezone), nowMs);
  const createdTimes = Array.from({ length: options.issueCount }, () => sample(random)).sort((a, b) => a - b);
  const dayAfter = new Date(Date.parse(`${event.days.at(-1)}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const officeOpensMs = instantAt(dayAfter, 10 * 60, event.timezone);
  const context = { random, event, staff, nowMs, officeOpensMs };
  const issues = createdTimes.map((createdMs) => demoIssue(context, createdMs));
  return {
    format: 'helptent-demo',
    version: 1,
    event,
    staff: staff.map(({ id, name, role }) => ({ id, name, role })),
    issues,
  };
}
