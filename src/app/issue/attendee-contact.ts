import type { Issue } from '../../domain/issue';
import { localDateTime } from '../../domain/operational-day';
import { hasContactDetails } from '../../domain/personal-data';
import { endonyms, type StaffLocale } from '../i18n/locales';
import { t } from '../i18n/messages';
import { channelLabels } from '../labels';

/**
 * Whether this phone may show the issue's attendee contact details: coordinators and the person
 * who logged it may, and never on a copy the server sent with the details withheld.
 */
export function mayShowContact(
  issue: Pick<Issue, 'contactWithheld' | 'reportedBy'>,
  canReadRole: boolean,
  meId: string | null,
): boolean {
  return !issue.contactWithheld && (canReadRole || (meId !== null && issue.reportedBy.id === meId));
}

/** Said where details exist but this phone may not show them: staff should not ask the attendee again. */
export const heldByCoordinators = (): string => t('Contact details held by the coordinators');

/** "speaks Nederlands": the language named in itself, as the attendee would. */
function spoken(language: string | undefined): string {
  if (!language) return '';
  return t('speaks {language}', { language: endonyms[language as StaffLocale] ?? language });
}

/**
 * What the issue says about the attendee's contact details. "No contact details" only when none
 * were taken: details withheld from this phone, erased on request or removed after the retention
 * period each say so, so nobody asks an attendee again for what they already gave.
 */
export function attendeeContactText(
  issue: Pick<Issue, 'attendee' | 'contactWithheld' | 'personalDataRemoved' | 'reportedBy'>,
  mayShow: boolean,
  timezone: string,
): string {
  const { attendee } = issue;
  const has = hasContactDetails(attendee);
  if (issue.contactWithheld || (has && !mayShow)) return heldByCoordinators();
  if (has) {
    return [
      attendee.name,
      attendee.email,
      attendee.phone,
      attendee.ticketId && t('ticket {id}', { id: attendee.ticketId }),
      attendee.preferredChannel && t('prefers {channel}', { channel: channelLabels[attendee.preferredChannel].toLowerCase() }),
      spoken(attendee.language),
    ]
      .filter(Boolean)
      .join(' · ');
  }
  const removed = issue.personalDataRemoved;
  if (removed) {
    const on = localDateTime(new Date(removed.at), timezone).date;
    return removed.why === 'erasure'
      ? t('Personal data erased on request on {date}', { date: on })
      : t('Personal data removed after the retention period on {date}', { date: on });
  }
  return [t('No contact details'), mayShow && spoken(attendee.language)].filter(Boolean).join(' · ');
}
