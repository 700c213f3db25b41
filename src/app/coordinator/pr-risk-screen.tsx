import '../summary/coordinator.css';
import { useState } from 'preact/hooks';
import type { Issue } from '../../domain/issue';
import { Screen } from '../components/screen';
import { t } from '../i18n/messages';
import { resolutionText } from '../i18n/said';
import { formatWhen, riskLabels, statusNames } from '../labels';
import { useSession } from '../session';
import { RoleGate } from './role-gate';
import { useIssuesWhere } from './use-issues';

/** Worst first: press on site, then posted, then threatened; newest first within each. */
const riskOrder = { press_present: 0, posted: 1, threatens_to_post: 2, none: 3 } as const;

export function prBrief(issues: readonly Issue[], eventName: string, timezone: string, now: Date): string {
  const lines = issues.map((issue) =>
    [
      `• ${riskLabels[issue.publicRisk.level].toUpperCase()} — ${issue.summary}`,
      `  ${t('Status: {status}; owner: {owner}; logged {when}', { status: statusNames[issue.status], owner: issue.owner?.name ?? t('nobody yet'), when: formatWhen(issue.createdAt, timezone, now) })}${issue.publicRisk.escalatedToComms ? t('; already escalated to comms') : ''}`,
      `  ${t('What we told the attendee: {told}', { told: issue.toldAttendee || t('nothing recorded') })}`,
      issue.resolution ? `  ${t('Resolution: {resolution}', { resolution: resolutionText(issue) })}` : '',
      issue.publicRisk.link ? `  ${t('Post: {link}', { link: issue.publicRisk.link })}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return [
    t('Public-relations risks at {event} ({count}), as of {when}', {
      event: eventName,
      count: issues.length,
      when: formatWhen(now.toISOString(), timezone, now),
    }),
    '',
    ...lines,
  ].join('\n');
}

function PrRiskList() {
  const { event } = useSession();
  const [copied, setCopied] = useState('');
  const issues = useIssuesWhere((row) => row.hasPublicRisk, []);
  if (!issues.loaded) return <p class="loading">{t('Loading…')}</p>;
  const sorted = [...(issues.data ?? [])].sort(
    (a, b) => riskOrder[a.publicRisk.level] - riskOrder[b.publicRisk.level] || b.createdAt.localeCompare(a.createdAt),
  );
  if (sorted.length === 0) return <p class="empty-state">{t('No issue is flagged as a public-relations risk.')}</p>;
  const brief = prBrief(sorted, event.name, event.timezone, new Date());
  return (
    <>
      <section class="card" aria-labelledby="brief-title">
        <h2 id="brief-title">{t('Brief for the comms team')}</h2>
        <label for="pr-brief" class="visually-hidden">
          {t('Brief text')}
        </label>
        <textarea id="pr-brief" readOnly rows={8} value={brief} />
        <button
          type="button"
          class="button button--primary"
          onClick={() =>
            void navigator.clipboard.writeText(brief).then(
              () => setCopied(t('Brief copied: paste it into the comms channel.')),
              () => setCopied(t('Copying is blocked here: select the text above and copy it.')),
            )
          }
        >
          {t('Copy brief')}
        </button>
        {copied && <p role="status">{copied}</p>}
      </section>
      <ul class="risk-list">
        {sorted.map((issue) => (
          <li key={issue.id} class="card">
            <p>
              <span class="badge badge--risk">{riskLabels[issue.publicRisk.level]}</span>
              <span class="badge badge--status">{statusNames[issue.status]}</span>
              {issue.publicRisk.escalatedToComms && <span class="badge">{t('Comms know')}</span>}
            </p>
            <p>
              <a href={`/issues/${issue.id}`}>{issue.summary}</a>
            </p>
            <p class="muted">
              {t('Owner: {owner} · told the attendee: {told}', {
                owner: issue.owner?.name ?? t('nobody yet'),
                told: issue.toldAttendee || t('nothing recorded'),
              })}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

export function PrRiskScreen() {
  return (
    <RoleGate needs="coordinator" title={t('Public-relations risks')}>
      <Screen title={t('Public-relations risks')}>
        <PrRiskList />
      </Screen>
    </RoleGate>
  );
}
