import { useLocation } from 'preact-iso';
import { readIssueScreen } from '../../db/issue-repository';
import { isWaitingTooLong } from '../../domain/response-targets';
import { canReadContactDetails } from '../../domain/staff';
import { Screen } from '../components/screen';
import { t } from '../i18n/messages';
import { resolutionText } from '../i18n/said';
import { formatWhen, moodLabels, riskLabels, severityLabels, sourceLabels, statusNames } from '../labels';
import { LostPersonSection } from '../lost-person/lost-person-section';
import { ItemSection } from '../lost-property/item-section';
import { PhotoPicker } from '../photos/photo-picker';
import { PhotoStrip } from '../photos/photo-strip';
import { useSession } from '../session';
import { useLiveQuery } from '../use-live-query';
import { useNow } from '../use-now';
import { attendeeContactText, mayShowContact } from './attendee-contact';
import { EditForm } from './edit-form';
import { IssueSyncState } from './issue-sync-state';
import { NoteForm, ToldAttendeeForm } from './notes-section';
import { OwnerSection } from './owner-section';
import { FollowUpForm, PublicRiskForm } from './risk-and-follow-up';
import { StatusForm } from './status-form';
import { TimelineList } from './timeline-list';
import { VoidForm } from './void-form';

export function IssueScreen({ id }: { id?: string }) {
  const { db, event, staff, role } = useSession();
  const now = useNow();
  const location = useLocation();
  const query = useLiveQuery(() => (id ? readIssueScreen(db, id) : undefined), [db, id]);
  const issue = query.data?.issue;
  if (!issue) {
    return (
      <Screen title={t('Issue')}>
        {query.loaded ? (
          <p class="empty-state">
            {t('This issue is not on this phone.')} <a href="/queue">{t('Back to the queue')}</a>
          </p>
        ) : (
          <p class="loading">{t('Opening the issue…')}</p>
        )}
      </Screen>
    );
  }
  const category = t(event.categories.find((c) => c.id === issue.category)?.label ?? issue.category);
  const zoneLabel = event.zones.find((z) => z.id === issue.zoneId)?.name;
  const zone = zoneLabel && t(zoneLabel);
  if (issue.restricted) {
    return (
      <Screen title={t('Restricted case')}>
        <p class="issue-badges">
          <span class={`badge badge--${issue.severity}`}>{severityLabels[issue.severity]}</span>
          <span class="badge badge--status">{statusNames[issue.status]}</span>
        </p>
        <p class="owner-banner">{issue.owner ? t('Owner: {name}', { name: issue.owner.name }) : t('No owner yet')}</p>
        <p>
          {zone
            ? t('A {category} case in {zone}, logged {when}.', {
                category: category.toLowerCase(),
                zone,
                when: formatWhen(issue.createdAt, event.timezone, now),
              })
            : t('A {category} case, logged {when}.', {
                category: category.toLowerCase(),
                when: formatWhen(issue.createdAt, event.timezone, now),
              })}{' '}
          {t(
            'Its details go only to coordinators, organizers and the people it is assigned to. Ask a coordinator if you need to help.',
          )}
        </p>
      </Screen>
    );
  }
  const me = staff.current;
  const justSaved = location.query.saved;
  const mayShow = mayShowContact(issue, canReadContactDetails(role), me?.id ?? null);

  return (
    <Screen title={issue.summary}>
      <p class="issue-badges">
        <span class={`badge badge--${issue.severity}`}>{severityLabels[issue.severity]}</span>
        <span class="badge badge--status">{issue.voided ? t('voided') : statusNames[issue.status]}</span>
        {issue.publicRisk.level !== 'none' && <span class="badge badge--risk">{riskLabels[issue.publicRisk.level]}</span>}
        {isWaitingTooLong(issue, event, now) && <span class="badge badge--overdue">{t('Waiting too long')}</span>}
      </p>
      {issue.voided && (
        <p class="message message--error" role="status">
          {t('{name} voided this issue {when}: {reason}. It counts nowhere and takes no more changes.', {
            name: issue.voided.by.name,
            when: formatWhen(issue.voided.at, event.timezone, now),
            reason: issue.voided.reason,
          })}
        </p>
      )}
      <p class="owner-banner">{issue.owner ? t('Owner: {name}', { name: issue.owner.name }) : t('No owner yet')}</p>
      <IssueSyncState
        issueId={issue.id}
        synced={issue.serverVersion > 0}
        waiting={query.data!.waiting}
        refusals={query.data!.refusals}
      />
      <dl class="facts">
        <dt>{t('Category')}</dt>
        <dd>{category}</dd>
        <dt>{t('Where')}</dt>
        <dd>{[zone, issue.location].filter(Boolean).join(' — ') || t('Not recorded')}</dd>
        <dt>{t('Logged')}</dt>
        <dd>
          {t('{when} by {name} ({source})', {
            when: formatWhen(issue.createdAt, event.timezone, now),
            name: issue.reportedBy.name,
            source: sourceLabels[issue.source.kind],
          })}
        </dd>
        {issue.details && (
          <>
            <dt>{t('Details')}</dt>
            <dd>{issue.details}</dd>
          </>
        )}
        <dt>{t('Mood')}</dt>
        <dd>
          {t('{mood} at intake', { mood: issue.moodAtIntake ? moodLabels[issue.moodAtIntake] : t('not recorded') })}
          {issue.moodAtClose ? `, ${t('{mood} when they left', { mood: moodLabels[issue.moodAtClose] })}` : ''}
        </dd>
        {issue.resolution && (
          <>
            <dt>{t('Resolution')}</dt>
            <dd>{resolutionText(issue)}</dd>
          </>
        )}
        <dt>{t('Attendee')}</dt>
        <dd>{attendeeContactText(issue, mayShow, event.timezone)}</dd>
        <dt>{t('Follow-up consent')}</dt>
        <dd>
          {issue.consent.given
            ? t('Yes, given {when}', { when: formatWhen(issue.consent.at ?? issue.createdAt, event.timezone, now) })
            : t('No')}
        </dd>
      </dl>

      {justSaved && (
        <p class="message message--ok" role="status">
          {t('Saved on this phone.')}
          {justSaved === 'found' ? ` ${t('Add photos of the item below so its owner can recognise it.')}` : ''}
        </p>
      )}
      <LostPersonSection issue={issue} />
      <ItemSection issue={issue} />
      <section class="card" aria-labelledby="photos-title">
        <h2 id="photos-title">{t('Photos')}</h2>
        <PhotoStrip issue={issue} />
        <PhotoPicker issue={issue} />
      </section>
      <OwnerSection issue={issue} />
      <StatusForm key={issue.status} issue={issue} />
      <ToldAttendeeForm issue={issue} />
      <section class="card" aria-labelledby="note-title">
        <h2 id="note-title">{t('Add a note')}</h2>
        <NoteForm issue={issue} />
      </section>
      <PublicRiskForm issue={issue} />
      <FollowUpForm issue={issue} />
      <section class="card" aria-labelledby="edit-title">
        <details>
          <summary>
            <h2 id="edit-title" class="inline-heading">
              {t('Edit details')}
            </h2>
          </summary>
          <EditForm issue={issue} />
        </details>
      </section>
      {role === 'organizer' && !issue.voided && <VoidForm issue={issue} />}
      <TimelineList issue={issue} />
    </Screen>
  );
}
