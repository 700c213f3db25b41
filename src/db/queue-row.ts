import type { FestivalEvent } from '../domain/event';
import { awaitsFollowUp } from '../domain/follow-up';
import type { Issue } from '../domain/issue';
import { dayAndHourOf } from '../domain/operational-day';
import type { QueueRow } from './rows';

/** The queue's compact row of an issue, filed by the event's days, zones and categories. */
export function queueRowOf(issue: Issue, event: FestivalEvent): QueueRow {
  const categoryLabel = event.categories.find((c) => c.id === issue.category)?.label ?? issue.category;
  const zoneName = event.zones.find((z) => z.id === issue.zoneId)?.name ?? '';
  const logged = dayAndHourOf(issue.createdAt, event);
  return {
    id: issue.id,
    eventId: issue.eventId,
    day: logged.day,
    hour: logged.hour,
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    summary: issue.summary,
    category: issue.category,
    severity: issue.severity,
    // A voided issue leaves the open queue and every count; the row says why it is closed.
    status: issue.voided ? 'closed' : issue.status,
    voided: issue.voided !== undefined,
    ...(issue.restricted ? { restricted: true } : {}),
    zoneId: issue.zoneId,
    location: issue.location,
    owner: issue.owner,
    reportedById: issue.reportedBy.id,
    hasPublicRisk: issue.publicRisk.level !== 'none',
    needsFollowUp: awaitsFollowUp(issue),
    hasConsent: issue.consent.given,
    moodAtClose: issue.moodAtClose,
    firstResponseAt: issue.firstResponseAt,
    searchText: [
      issue.summary,
      issue.details,
      issue.location,
      categoryLabel,
      zoneName,
      issue.owner?.name ?? '',
      issue.reportedBy.name,
      issue.attendee.name,
      issue.attendee.ticketId,
      issue.tags.join(' '),
    ]
      .join('\n')
      .toLowerCase(),
  };
}
