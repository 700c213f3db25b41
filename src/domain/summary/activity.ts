import { isWithin, localHourReader } from '../day-window';
import type { FestivalEvent } from '../event';
import { type Mood, moods, type Severity, type Status, severities, statuses } from '../issue';
import { parseClock } from '../operational-day';
import type { SummaryDay } from './context';
import { DurationSamples } from './stats';
import type { CategoryResponseTimes, DayTotals, HourCount, KeyCount, MoodSummary, ResponseTimes } from './types';

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

export const unknownZone = 'unknown';

export function categoryLabel(event: FestivalEvent, id: string): string {
  return event.categories.find((category) => category.id === id)?.label ?? id;
}

/** Non-zero counts, largest first; ties in the event's order, then keys it does not know, A–Z. */
export function keyCounts(counts: Map<string, number>, order: readonly string[], labelOf: (key: string) => string): KeyCount[] {
  return [...counts]
    .filter(([, count]) => count > 0)
    .sort(([a, ca], [b, cb]) => cb - ca || rankIn(order, a) - rankIn(order, b) || a.localeCompare(b))
    .map(([key, count]) => ({ key, label: labelOf(key), count }));
}

const bump = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

/** What the day's logged issues looked like: their totals and moods at intake. */
function loggedTotals(day: SummaryDay) {
  const { input, window } = day;
  const { event, issues } = input;
  const byStatus = zeros<Status>(statuses);
  const bySeverity = zeros<Severity>(severities);
  const byCategory = new Map<string, number>();
  const byZone = new Map<string, number>();
  const startHour = Math.floor(parseClock(event.dayStartsAt) / 60);
  const hourOf = localHourReader(window, event.timezone);
  const byHour: HourCount[] = Array.from({ length: 24 }, (_, i) => {
    const hour = (startHour + i) % 24;
    return { hour, label: `${String(hour).padStart(2, '0')}:00`, count: 0 };
  });
  const atIntake = zeros<Mood>(moods);
  let intakeNotRecorded = 0;
  for (const i of day.logged) {
    const issue = issues[i]!;
    byStatus[day.statusOf(i)] += 1;
    bySeverity[issue.severity] += 1;
    bump(byCategory, issue.category);
    bump(byZone, issue.zoneId ?? unknownZone);
    // Clock hours, not elapsed hours: staff speak of "the 2 o'clock rush", so on the fall-back
    // night both passes of 02:00 share a bucket and on the spring-forward night 02:00 stays empty.
    byHour[(hourOf(input.createdMs[i]!) - startHour + 24) % 24]!.count += 1;
    if (issue.moodAtIntake) atIntake[issue.moodAtIntake] += 1;
    else intakeNotRecorded += 1;
  }
  const zoneNames = new Map(event.zones.map((zone) => [zone.id, zone.name]));
  return {
    totals: {
      byStatus,
      bySeverity,
      byCategory: keyCounts(byCategory, categoryOrderOf(event), (key) => categoryLabel(event, key)),
      byZone: keyCounts(byZone, [...zoneNames.keys(), unknownZone], (key) =>
        key === unknownZone ? 'Unknown' : (zoneNames.get(key) ?? key),
      ),
      byHour,
    },
    atIntake,
    intakeNotRecorded,
  };
}

type Samples = { firstResponse: DurationSamples; resolution: DurationSamples };
const samples = (): Samples => ({ firstResponse: new DurationSamples(), resolution: new DurationSamples() });

export type DayFlow = ReturnType<typeof dayFlow>;

/** What got done that day, whenever the issues were logged: responses, resolutions, moods at close. */
export function dayFlow(day: SummaryDay) {
  const { input, window } = day;
  const { event, issues } = input;
  const overall = samples();
  const perCategory = new Map<string, Samples>();
  const samplesFor = (category: string) => {
    let found = perCategory.get(category);
    if (!found) {
      found = samples();
      perCategory.set(category, found);
    }
    return found;
  };
  const atClose = zeros<Mood>(moods);
  let closeNotRecorded = 0;
  let resolved = 0;
  let happier = 0;
  let same = 0;
  let unhappier = 0;
  for (let i = 0; i < issues.length; i += 1) {
    const responded = input.respondedMs[i]!;
    const resolvedAt = input.resolvedMs[i]!;
    const isResolved = isWithin(resolvedAt, window);
    if (!isResolved && !isWithin(responded, window)) continue;
    const created = input.createdMs[i]!;
    if (isWithin(responded, window)) {
      overall.firstResponse.add(created, responded);
      samplesFor(issues[i]!.category).firstResponse.add(created, responded);
    }
    if (!isResolved) continue;
    const issue = issues[i]!;
    resolved += 1;
    overall.resolution.add(created, resolvedAt);
    samplesFor(issue.category).resolution.add(created, resolvedAt);
    const before = issue.moodAtIntake;
    const after = issue.moodAtClose;
    if (after) atClose[after] += 1;
    else closeNotRecorded += 1;
    if (!before || !after) continue;
    const change = moods.indexOf(after) - moods.indexOf(before);
    if (change > 0) happier += 1;
    else if (change < 0) unhappier += 1;
    else same += 1;
  }
  const order = categoryOrderOf(event);
  const byCategory: CategoryResponseTimes[] = [...perCategory]
    .sort(([a], [b]) => rankIn(order, a) - rankIn(order, b) || a.localeCompare(b))
    .map(([category, found]) => ({
      category,
      label: categoryLabel(event, category),
      firstResponse: found.firstResponse.stats(),
      resolution: found.resolution.stats(),
    }));
  const responseTimes: ResponseTimes = {
    firstResponse: overall.firstResponse.stats(),
    resolution: overall.resolution.stats(),
    byCategory,
  };
  const bothRecorded = happier + same + unhappier;
  const leftHappierShare = bothRecorded === 0 ? null : Math.round((happier / bothRecorded) * 1000) / 1000;
  return { resolved, responseTimes, atClose, closeNotRecorded, bothRecorded, happier, same, unhappier, leftHappierShare };
}

export interface DayActivity {
  totals: DayTotals;
  responseTimes: ResponseTimes;
  mood: MoodSummary;
}

/** Totals, response times and moods of a day, given its flow. */
export function dayActivity(day: SummaryDay, flow: DayFlow): DayActivity {
  const { totals, atIntake, intakeNotRecorded } = loggedTotals(day);
  const { resolved, responseTimes, ...closing } = flow;
  return {
    totals: { logged: day.logged.length, resolved, ...totals },
    responseTimes,
    mood: {
      atIntake,
      intakeNotRecorded,
      atClose: closing.atClose,
      closeNotRecorded: closing.closeNotRecorded,
      bothRecorded: closing.bothRecorded,
      happier: closing.happier,
      same: closing.same,
      unhappier: closing.unhappier,
      leftHappierShare: closing.leftHappierShare,
    },
  };
}

function rankIn(order: readonly string[], key: string): number {
  const index = order.indexOf(key);
  return index < 0 ? order.length : index;
}

const categoryOrderOf = (event: FestivalEvent) => event.categories.map((category) => category.id);
