import { withoutContactDetails } from '../attendee-redaction';
import { isWithin } from '../day-window';
import { awaitsFollowUp } from '../follow-up';
import { type PublicRiskLevel, type Severity, type Status, severities } from '../issue';
import { operationalDayOf } from '../operational-day';
import { categoryLabel, keyCounts } from './activity';
import { holds, type SummaryDay, type SummaryInput, timeOf } from './context';
import type {
  CarriedIssue,
  CarriedOver,
  FollowUpItem,
  FollowUpsDue,
  PublicRiskIssue,
  PublicRiskSummary,
  Referrals,
} from './types';

/** Long lists are cut here: a summary is read on a phone; the queue and exports have the rest. */
export const listLimit = 100;

const stillOpen: readonly Status[] = ['open', 'in_progress', 'follow_up'];
const isStillOpen = (status: Status): status is CarriedIssue['status'] => stillOpen.includes(status);
const severityRank = (severity: Severity) => severities.length - severities.indexOf(severity);

/**
 * Issues of this day and any earlier day that were not finished at `asOf`. An issue logged on an
 * earlier day counts again every night it stays open, on purpose: it is still tomorrow's work.
 */
export function carriedOver(day: SummaryDay): CarriedOver {
  const { input } = day;
  const carried: { index: number; status: CarriedIssue['status'] }[] = [];
  for (let i = 0; i < input.issues.length; i += 1) {
    if (!day.existedBy(i)) continue;
    const status = day.statusOf(i);
    if (isStillOpen(status)) carried.push({ index: i, status });
  }
  const byStatus = { open: 0, in_progress: 0, follow_up: 0 };
  let fromThisDay = 0;
  let withoutOwner = 0;
  for (const { index, status } of carried) {
    byStatus[status] += 1;
    if (day.isLoggedWithin(index)) fromThisDay += 1;
    if (!day.ownerOf(index)) withoutOwner += 1;
  }
  // One number per issue orders by unowned first, then severity, then age (ms since 1970 < 1e13).
  const sortKey = (index: number) =>
    (day.ownerOf(index) ? 1e14 : 0) + severityRank(input.issues[index]!.severity) * 1e13 + input.createdMs[index]!;
  const listed = carried
    .map((item) => ({ ...item, key: sortKey(item.index) }))
    .sort((a, b) => a.key - b.key)
    .slice(0, listLimit)
    .map(({ index, status }): CarriedIssue => {
      const issue = input.issues[index]!;
      return {
        id: issue.id,
        summary: withoutContactDetails(issue.summary, issue.attendee),
        category: issue.category,
        severity: issue.severity,
        status,
        ownerName: day.ownerOf(index)?.name ?? null,
        createdAt: issue.createdAt,
        loggedOn: operationalDayOf(issue.createdAt, input.event),
      };
    });
  return {
    total: carried.length,
    fromThisDay,
    fromEarlierDays: carried.length - fromThisDay,
    byStatus,
    withoutOwner,
    issues: listed,
  };
}

/** Issues that ever carried a public-risk flag: the only ones worth replaying for one. */
export function publicRiskCandidates(input: SummaryInput): number[] {
  const candidates: number[] = [];
  for (let i = 0; i < input.holds.length; i += 1) {
    if ((input.holds[i]! & (holds.publicRiskNow | holds.publicRiskEntry)) !== 0) candidates.push(i);
  }
  return candidates;
}

type RiskLevel = Exclude<PublicRiskLevel, 'none'>;
const riskRank: Record<RiskLevel, number> = { press_present: 0, posted: 1, threatens_to_post: 2 };

/**
 * Issues logged that day with a public risk, and earlier issues flagged that day (a post that went
 * up this afternoon about yesterday's refund), as long as they were still a risk at `asOf`.
 */
export function publicRiskOf(day: SummaryDay, candidates: readonly number[]): PublicRiskSummary {
  const { input, window } = day;
  const listed: { index: number; item: PublicRiskIssue }[] = [];
  for (const i of candidates) {
    const issue = input.issues[i]!;
    if (!day.existedBy(i)) continue;
    const ofThisDay =
      day.isLoggedWithin(i) || issue.timeline.some((entry) => entry.kind === 'public-risk' && isWithin(timeOf(entry.at), window));
    const state = day.stateOf(i);
    if (!ofThisDay || state.riskLevel === 'none') continue;
    listed.push({
      index: i,
      item: {
        id: issue.id,
        summary: withoutContactDetails(issue.summary, issue.attendee),
        level: state.riskLevel,
        escalatedToComms: state.escalatedToComms,
        status: state.status,
        ownerName: state.owner?.name ?? null,
        toldAttendee: withoutContactDetails(state.toldAttendee, issue.attendee),
        createdAt: issue.createdAt,
      },
    });
  }
  const byLevel: Record<RiskLevel, number> = { threatens_to_post: 0, posted: 0, press_present: 0 };
  for (const { item } of listed) byLevel[item.level] += 1;
  listed.sort(
    (a, b) =>
      riskRank[a.item.level] - riskRank[b.item.level] ||
      Number(a.item.escalatedToComms) - Number(b.item.escalatedToComms) ||
      input.createdMs[a.index]! - input.createdMs[b.index]!,
  );
  return {
    count: listed.length,
    byLevel,
    escalated: listed.filter(({ item }) => item.escalatedToComms).length,
    stillOpen: listed.filter(({ item }) => isStillOpen(item.status)).length,
    issues: listed.slice(0, listLimit).map(({ item }) => item),
  };
}

/**
 * Referrals are read from the status at `asOf` and the category, not from the timeline's history:
 * an issue of another category that was referred and then closed drops out. Finding those means
 * reading the text of every status change of the day, which cost more than the rest of this
 * section, for a case the referral categories already cover in practice.
 */
export function referralsOf(day: SummaryDay): Referrals {
  const { event, issues } = day.input;
  const referralCategories = new Set(event.categories.filter((c) => c.isReferral).map((c) => c.id));
  const byCategory = new Map<string, number>();
  let count = 0;
  for (const i of day.logged) {
    const issue = issues[i]!;
    if (!referralCategories.has(issue.category) && day.statusOf(i) !== 'referred') continue;
    count += 1;
    byCategory.set(issue.category, (byCategory.get(issue.category) ?? 0) + 1);
  }
  const order = event.categories.map((category) => category.id);
  return { count, byCategory: keyCounts(byCategory, order, (key) => categoryLabel(event, key)) };
}

export function followUpsOf(day: SummaryDay): FollowUpsDue {
  const { issues, nowMs } = day.input;
  const due: FollowUpItem[] = [];
  for (const i of day.logged) {
    const issue = issues[i]!;
    // The same rule as the queue filter, the follow-up list and the export.
    if (!awaitsFollowUp(issue)) continue;
    const { followUp, category } = issue;
    due.push({
      issueId: issue.id,
      category,
      reason: followUp.reason,
      dueAt: followUp.dueAt,
      outreach: followUp.outreach as FollowUpItem['outreach'],
    });
  }
  const dueMs = (item: FollowUpItem) => (item.dueAt === null ? Number.POSITIVE_INFINITY : timeOf(item.dueAt));
  due.sort((a, b) => dueMs(a) - dueMs(b) || a.issueId.localeCompare(b.issueId));
  const byOutreach = { pending: 0, sent: 0, replied: 0 };
  for (const item of due) byOutreach[item.outreach] += 1;
  return {
    count: due.length,
    overdue: due.filter((item) => dueMs(item) < nowMs).length,
    byOutreach,
    items: due.slice(0, listLimit),
  };
}
