import { type DayWindow, isWithin } from '../day-window';
import type { FestivalEvent } from '../event';
import { instantMs } from '../iso-instant';
import { type Issue, type PersonRef, type Status, statuses } from '../issue';
import { currentState, type IssueState, stateAt } from '../issue-as-of';

/**
 * The issues and event being summarised, read once for every day asked about (the day and the
 * one before it, for the comparison). Arrays are indexed like `issues`.
 *
 * Over 50,000 issues the time goes into reading stamp strings scattered through memory, not into
 * arithmetic: so each stamp is read once, into a number in a compact array that the day's
 * questions ("logged before the end?") then ask again and again.
 */
export interface SummaryInput {
  issues: readonly Issue[];
  event: FestivalEvent;
  nowMs: number;
  /** createdAt in ms (NaN when it is not a time). */
  createdMs: Float64Array;
  /**
   * updatedAt in ms: the stamp of the last change, which also stamped the last timeline entry.
   * With createdAt it spans the timeline. Stamps only fall outside that span when two phones'
   * clocks disagree, where no reading is exact anyway, and reading every entry's stamp cost more
   * than the rest of the summary.
   */
  updatedMs: Float64Array;
  /** firstResponseAt and resolvedAt in ms; NaN when not set or outside the days asked about. */
  respondedMs: Float64Array;
  resolvedMs: Float64Array;
  /** What each issue's timeline holds, as bits (see `holds`); 0 for issues outside the days asked about. */
  holds: Uint8Array;
  /** Each issue's status now, as an index into `statuses`: read while the issue is at hand. */
  statusNow: Uint8Array;
}

/** One operational day of the input: its window and the issues' states at its `asOf`. */
export interface SummaryDay {
  input: SummaryInput;
  window: DayWindow;
  isOver: boolean;
  asOfMs: number;
  /** Indexes of the issues logged that day. */
  logged: number[];
  /** True when the issue was logged before the day ended (that day or earlier). */
  existedBy: (index: number) => boolean;
  isLoggedWithin: (index: number) => boolean;
  stateOf: (index: number) => IssueState;
  /** stateOf(index).status and .owner, without building a state when the issue is unchanged since asOf. */
  statusOf: (index: number) => Status;
  ownerOf: (index: number) => PersonRef | null;
  /** False when no timeline entry of the issue is stamped inside the day. */
  hasEntriesWithin: (index: number) => boolean;
}

export const timeOf = (iso: string | null): number => (iso === null ? Number.NaN : instantMs(iso));

const statusIndex = Object.fromEntries(statuses.map((status, i) => [status, i])) as Record<Status, number>;

/** Bits of SummaryInput.holds. */
export const holds = { publicRiskEntry: 1, handover: 2, conflict: 4, note: 8, publicRiskNow: 16 } as const;

function holdsOf(issue: Issue): number {
  let bits = issue.publicRisk.level === 'none' ? 0 : holds.publicRiskNow;
  for (const entry of issue.timeline) {
    switch (entry.kind) {
      case 'public-risk':
        bits |= holds.publicRiskEntry;
        break;
      case 'handover':
        bits |= holds.handover | (entry.note === '' ? 0 : holds.note);
        break;
      case 'conflict':
        bits |= holds.conflict;
        break;
      case 'note':
        bits |= holds.note;
        break;
      default:
    }
  }
  return bits;
}

/**
 * Reads the issues once for the days from `fromMs` to `toMs` (the earliest start, the latest
 * end). Timelines and response times are only read for issues whose span meets those days.
 */
export function prepareInput(
  issues: readonly Issue[],
  event: FestivalEvent,
  now: Date,
  fromMs: number,
  toMs: number,
): SummaryInput {
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('`now` is not a valid time.');
  const size = issues.length;
  const createdMs = new Float64Array(size);
  const updatedMs = new Float64Array(size);
  const respondedMs = new Float64Array(size).fill(Number.NaN);
  const resolvedMs = new Float64Array(size).fill(Number.NaN);
  const kinds = new Uint8Array(size);
  const statusNow = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) {
    const issue = issues[i]!;
    statusNow[i] = statusIndex[issue.status];
    const created = instantMs(issue.createdAt);
    createdMs[i] = created;
    updatedMs[i] = created;
    // An issue logged after the days asked about is never looked at again.
    if (!(created < toMs)) continue;
    const updated = instantMs(issue.updatedAt);
    updatedMs[i] = updated > created ? updated : created;
    // Nor is the timeline of one whose last change came before them.
    if (!(updatedMs[i]! >= fromMs)) continue;
    respondedMs[i] = timeOf(issue.firstResponseAt);
    resolvedMs[i] = timeOf(issue.resolvedAt);
    kinds[i] = holdsOf(issue);
  }
  return { issues, event, nowMs, createdMs, updatedMs, respondedMs, resolvedMs, holds: kinds, statusNow };
}

export function summaryDay(input: SummaryInput, window: DayWindow): SummaryDay {
  const { createdMs, updatedMs } = input;
  const isOver = input.nowMs >= window.endMs;
  // While the day runs, the fields as they are now are its state; a day that is over is read as
  // it stood just before the next day began (entries stamped at endMs belong to the next day).
  const asOfMs = isOver ? window.endMs - 1 : input.nowMs;
  // Nothing stamped after asOf: the fields as they are now are how they stood then.
  const isReplayed = (index: number) => isOver && updatedMs[index]! > asOfMs;
  // Few issues need a whole state (replayed ones, public risks, listed ones): a map, not an array.
  const states = new Map<number, IssueState>();
  const stateOf = (index: number): IssueState => {
    let state = states.get(index);
    if (!state) {
      const issue = input.issues[index]!;
      state = isReplayed(index) ? stateAt(issue, asOfMs, timeOf) : currentState(issue);
      states.set(index, state);
    }
    return state;
  };
  const logged: number[] = [];
  for (let i = 0; i < createdMs.length; i += 1) if (isWithin(createdMs[i]!, window)) logged.push(i);
  return {
    input,
    window,
    isOver,
    asOfMs,
    logged,
    existedBy: (index) => createdMs[index]! < window.endMs,
    isLoggedWithin: (index) => isWithin(createdMs[index]!, window),
    stateOf,
    statusOf: (index) => (isReplayed(index) ? stateOf(index).status : statuses[input.statusNow[index]!]!),
    ownerOf: (index) => (isReplayed(index) ? stateOf(index).owner : input.issues[index]!.owner),
    hasEntriesWithin: (index) => createdMs[index]! < window.endMs && updatedMs[index]! >= window.startMs,
  };
}
