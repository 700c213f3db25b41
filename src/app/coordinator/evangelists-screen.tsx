import '../summary/coordinator.css';
import { Screen } from '../components/screen';
import { t } from '../i18n/messages';
import { moodLabels } from '../labels';
import { useSession } from '../session';
import { RoleGate } from './role-gate';
import { useIssuesWhere } from './use-issues';

/** Attendees who loved it and said we may contact them: thank them, send swag, invite them back. */
function EvangelistList() {
  const { event } = useSession();
  const issues = useIssuesWhere((row) => row.hasConsent && (row.moodAtClose === 'delighted' || row.category === 'praise'), []);
  if (!issues.loaded) return <p class="loading">{t('Loading…')}</p>;
  // Erased or past the retention period: there is nobody left to thank.
  const people = (issues.data ?? []).filter((issue) => issue.consent.given && !issue.personalDataRemoved);
  if (people.length === 0) return <p class="empty-state">{t('No delighted attendee or praise with consent to contact yet.')}</p>;
  return (
    <ul class="risk-list">
      {people.map((issue) => (
        <li key={issue.id} class="card">
          <p>
            <strong>{issue.attendee.name || t('Attendee without a name')}</strong>
            {issue.attendee.email && ` · ${issue.attendee.email}`}
            {issue.attendee.phone && ` · ${issue.attendee.phone}`}
          </p>
          <p>
            <a href={`/issues/${issue.id}`}>{issue.summary}</a>
          </p>
          <p class="muted">
            {t(event.categories.find((c) => c.id === issue.category)?.label ?? issue.category)}
            {issue.moodAtClose ? ` · ${t('left {mood}', { mood: moodLabels[issue.moodAtClose].toLowerCase() })}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function EvangelistsScreen() {
  return (
    <RoleGate needs="coordinator" title={t('Evangelists')}>
      <Screen title={t('Evangelists')}>
        <p>{t('Delighted attendees and praise, from people who agreed to be contacted.')}</p>
        <EvangelistList />
      </Screen>
    </RoleGate>
  );
}
