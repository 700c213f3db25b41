import type { FollowUpReason, Issue } from '../../domain/issue';

/** Starting points staff can edit; {name}, {issue}, {told} and {resolution} are filled per attendee. */
export const defaultTemplates: Record<FollowUpReason, string> = {
  apology:
    'Hi {name}, this is the help desk of the festival. We are sorry about “{issue}”. {resolution} Thank you for telling us — it helps us do better.',
  refund:
    'Hi {name}, about your refund question (“{issue}”): {resolution} We told you at the desk: {told}. Reply to this message if anything is still unclear.',
  lost_property: 'Hi {name}, good news about “{issue}”: {resolution} Reply to arrange how you get it back.',
  thank_you: 'Hi {name}, thank you for your kind words at the festival! {resolution} We hope to see you next year.',
  other: 'Hi {name}, this is the festival help desk about “{issue}”. {resolution}',
};

export function fillTemplate(template: string, issue: Issue): string {
  const values: Record<string, string> = {
    name: issue.attendee.name || 'there',
    issue: issue.summary,
    told: issue.toldAttendee || '—',
    resolution: issue.resolution || '',
  };
  return template
    .replace(/\{(name|issue|told|resolution)\}/g, (_, key: string) => values[key] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A link that opens the phone's mail or SMS app with the message written. */
export function contactLink(issue: Issue, message: string, subject: string): string | null {
  const channel = issue.followUp.channel ?? issue.attendee.preferredChannel;
  if ((channel === 'sms' || channel === 'phone' || !issue.attendee.email) && issue.attendee.phone) {
    return `sms:${issue.attendee.phone.replace(/[^\d+]/g, '')}?body=${encodeURIComponent(message)}`;
  }
  if (issue.attendee.email)
    return `mailto:${issue.attendee.email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(message)}`;
  return null;
}
