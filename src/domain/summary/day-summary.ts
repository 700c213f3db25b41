import { dayWindow, previousDayWindow } from '../day-window';
import type { FestivalEvent } from '../event';
import { type Issue, isVoided } from '../issue';
import { type DayFlow, dayActivity, dayFlow } from './activity';
import { alertsOf } from './alerts';
import { prepareInput, type SummaryDay, type SummaryInput, summaryDay } from './context';
import { lostPropertyOf } from './lost-property';
import { carriedOver, followUpsOf, publicRiskCandidates, publicRiskOf, referralsOf } from './open-work';
import { notableNotesOf, staffOf } from './staff';
import type { DayComparison, DayHeadline, DaySummary, PublicRiskSummary } from './types';

export type { DaySummary } from './types';

const iso = (ms: number) => new Date(ms).toISOString();

function headlineOf(day: SummaryDay, flow: DayFlow, publicRisk: PublicRiskSummary): DayHeadline {
  return {
    day: day.window.day,
    logged: day.logged.length,
    resolved: flow.resolved,
    medianFirstResponseMinutes: flow.responseTimes.firstResponse.medianMinutes,
    publicRisk: publicRisk.count,
    leftHappierShare: flow.leftHappierShare,
  };
}

const difference = (current: number | null, previous: number | null, digits: number): number | null =>
  current === null || previous === null ? null : Number((current - previous).toFixed(digits));

function compare(current: DayHeadline, previous: DayHeadline): DayComparison {
  return {
    current,
    previous,
    change: {
      logged: current.logged - previous.logged,
      resolved: current.resolved - previous.resolved,
      medianFirstResponseMinutes: difference(current.medianFirstResponseMinutes, previous.medianFirstResponseMinutes, 1),
      publicRisk: current.publicRisk - previous.publicRisk,
      leftHappierShare: difference(current.leftHappierShare, previous.leftHappierShare, 3),
    },
  };
}

/**
 * The end-of-day summary of one operational day (see DaySummary for what each figure counts).
 * Pure: the same issues, event, day and `now` give the same summary on a coordinator's phone,
 * offline, and on the server for exports. `day` is an operational day, "YYYY-MM-DD"; issues of
 * other events are the caller's to leave out. Throws RangeError for a malformed day or `now`.
 */
export function summarizeDay(issues: readonly Issue[], event: FestivalEvent, day: string, now: Date): DaySummary {
  const window = dayWindow(day, event);
  const previousWindow = previousDayWindow(window, event);
  // Voided issues were never meant to be: they count nowhere.
  const counted = issues.some(isVoided) ? issues.filter((issue) => !isVoided(issue)) : issues;
  const input: SummaryInput = prepareInput(counted, event, now, previousWindow.startMs, window.endMs);
  const today = summaryDay(input, window);
  const riskCandidates = publicRiskCandidates(input);
  const flow = dayFlow(today);
  const activity = dayActivity(today, flow);
  const publicRisk = publicRiskOf(today, riskCandidates);
  const yesterday = summaryDay(input, previousWindow);
  const comparison = compare(
    headlineOf(today, flow, publicRisk),
    headlineOf(yesterday, dayFlow(yesterday), publicRiskOf(yesterday, riskCandidates)),
  );
  return {
    format: 'helptent-day-summary',
    version: 1,
    eventId: event.id,
    eventName: event.name,
    day,
    timezone: event.timezone,
    dayStartsAt: event.dayStartsAt,
    startsAt: iso(window.startMs),
    endsAt: iso(window.endMs),
    hours: Math.round((window.endMs - window.startMs) / 3_600_000),
    generatedAt: iso(input.nowMs),
    isOver: today.isOver,
    asOf: iso(today.isOver ? window.endMs : input.nowMs),
    ...activity,
    carriedOver: carriedOver(today),
    publicRisk,
    referrals: referralsOf(today),
    followUps: followUpsOf(today),
    staff: staffOf(today),
    notableNotes: notableNotesOf(today, new Set(riskCandidates)),
    comparison,
    lostProperty: lostPropertyOf(counted, window, today.asOfMs),
    alerts: alertsOf(counted, window, today.asOfMs),
  };
}
