import { localDateTime } from '../../src/domain/operational-day';
import type { Random } from './seeded-random';

/** Parts of a festival day whose issues differ (tickets at the gates, lost friends after headliners). */
export type DayPart = 'morning' | 'gates' | 'afternoon' | 'evening' | 'headliner' | 'night';

export function dayPartOf(localMinutes: number): DayPart {
  if (localMinutes >= 6 * 60 && localMinutes < 11 * 60 + 30) return 'morning';
  if (localMinutes >= 11 * 60 + 30 && localMinutes < 14 * 60 + 30) return 'gates';
  if (localMinutes >= 14 * 60 + 30 && localMinutes < 18 * 60) return 'afternoon';
  if (localMinutes >= 18 * 60 && localMinutes < 22 * 60 + 30) return 'evening';
  if (localMinutes >= 22 * 60 + 30 || localMinutes < 60) return 'headliner';
  return 'night';
}

/**
 * Issues per half hour, from 08:00 to 03:30 the next night: a rush when the gates open at
 * 12:00, a steady afternoon, and the biggest peak when the headliners finish (23:00–00:30).
 */
// biome-ignore format: one line per part of the day reads as a timetable
const halfHourWeights: readonly number[] = [
  0.5, 0.5, 0.7, 0.8, 1, 1.2, 2, 4, // 08:00–11:30
  9, 9, 7, 6, 5, 4.5, 4.5, 4.5, 4.5, 4.5, // 12:00–16:30
  5, 5, 5.5, 5.5, 5, 5, 5, 5.5, 6, 6, 6.5, 7, // 17:00–22:30
  10, 11, 11, 8, 6, 4.5, 3.5, 2.5, 1.5, 1, // 23:00–03:30
];
const firstSlotMinutes = 8 * 60;
const slotMs = 30 * 60_000;

/** Friday's gate opening is the big arrival; campers are already inside on later days. */
const gateFactorByDay = [1.6, 0.8, 0.7];
/** Saturday is the busiest day; Sunday night empties early as people travel home. */
const dayFactor = [1, 1.15, 0.95];

export interface IntakeSlot {
  startMs: number;
  weight: number;
}

/** Unix ms of a local date and time in a timezone (two passes settle the UTC offset). */
export function instantAt(date: string, minutes: number, timezone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d, 0, minutes);
  let guess = naive;
  for (let pass = 0; pass < 2; pass += 1) {
    const local = localDateTime(guess, timezone);
    const [ly, lm, ld] = local.date.split('-').map(Number) as [number, number, number];
    guess += naive - Date.UTC(ly, lm - 1, ld, 0, local.minutes);
  }
  return guess;
}

export function intakeSlots(days: readonly string[], timezone: string): IntakeSlot[] {
  const slots: IntakeSlot[] = [];
  days.forEach((date, dayIndex) => {
    const lastDay = dayIndex === days.length - 1;
    halfHourWeights.forEach((base, i) => {
      const minutes = firstSlotMinutes + i * 30;
      const clock = minutes % (24 * 60);
      let weight = base * (dayFactor[dayIndex] ?? 1);
      if (clock >= 12 * 60 && clock < 13 * 60) weight *= gateFactorByDay[dayIndex] ?? 0.7;
      if (lastDay && minutes >= 25 * 60) weight *= 0.6;
      // Minutes past midnight roll into the next date; instantAt handles the overflow.
      slots.push({ startMs: instantAt(date, minutes, timezone), weight });
    });
  });
  return slots;
}

/** Draws intake times from the slots, never after `nowMs` (the demo is a snapshot at that moment). */
export function intakeSampler(slots: readonly IntakeSlot[], nowMs: number): (random: Random) => number {
  const usable = slots
    .filter((slot) => slot.startMs < nowMs)
    .map((slot) => ({ ...slot, lengthMs: Math.min(slotMs, nowMs - slot.startMs) }));
  if (usable.length === 0) throw new RangeError('The demo time is before the festival opens, so there is nothing to generate.');
  const cumulative: number[] = [];
  let total = 0;
  for (const slot of usable) {
    total += slot.weight * (slot.lengthMs / slotMs);
    cumulative.push(total);
  }
  return (random) => {
    const roll = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > roll) hi = mid;
      else lo = mid + 1;
    }
    const slot = usable[lo]!;
    return slot.startMs + Math.floor(random.next() * slot.lengthMs);
  };
}
