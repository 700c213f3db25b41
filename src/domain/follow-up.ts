import { type Issue, isVoided } from './issue';

/**
 * Whether someone still has to get back to this attendee: the one rule behind the summary's
 * "follow-ups due", the queue's "Needs follow-up" filter and badge, the follow-up list and the
 * follow-up export, so they always count the same issues.
 *
 * A follow-up needs consent: without it nobody may contact the attendee, so a follow-up marked
 * without consent (an old phone, or the status "follow-up" set before consent was recorded) is
 * not counted until consent is. Nor is one whose attendee's personal data was erased or removed
 * after the retention period: there is nobody left to reach.
 */
export function awaitsFollowUp(issue: Pick<Issue, 'voided' | 'consent' | 'followUp' | 'personalDataRemoved'>): boolean {
  return (
    !isVoided(issue) &&
    issue.consent.given &&
    issue.followUp.needed &&
    issue.followUp.outreach !== 'done' &&
    issue.personalDataRemoved === undefined
  );
}
