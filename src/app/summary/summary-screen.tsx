import './coordinator.css';
import { useMemo, useState } from 'preact/hooks';
import { readEventRows, readIssuesById } from '../../db/issue-repository';
import { emptyFilter, type QueueFilter } from '../../db/queue-filter';
import { operationalDayOf, previousDate } from '../../domain/operational-day';
import { summarizeDay } from '../../domain/summary/day-summary';
import type { DaySummary } from '../../domain/summary/types';
import { SelectField } from '../components/fields';
import { Screen } from '../components/screen';
import { ExportPanel } from '../coordinator/export-panel';
import { RoleGate } from '../coordinator/role-gate';
import { formatDuration, formatPercent } from '../format';
import { formatNumber, t, tn } from '../i18n/messages';
import { said } from '../i18n/said';
import { formatWhen, moodLabels, riskLabels, severityLabels, statusNames } from '../labels';
import { queueUrl } from '../queue/queue-url';
import { useSession } from '../session';
import { useLiveQuery } from '../use-live-query';
import { BarList } from './bar-list';
import { HourChart } from './hour-chart';

const minutes = (value: number | null) => (value === null ? '—' : formatDuration(value));
const signed = (value: number | null) => (value === null ? '' : value > 0 ? `+${formatNumber(value)}` : formatNumber(value));

function Figure({ label, value, href, change }: { label: string; value: string | number; href?: string; change?: string }) {
  const body = (
    <>
      <span class="figure__value">{typeof value === 'number' ? formatNumber(value) : value}</span>
      <span class="figure__label">{label}</span>
      {change && <span class="figure__change">{t('{change} vs day before', { change })}</span>}
    </>
  );
  return <li class="figure">{href ? <a href={href}>{body}</a> : body}</li>;
}

function Headlines({ summary }: { summary: DaySummary }) {
  const q = (patch: Parameters<typeof queueUrl>[0] extends infer F ? Partial<F> : never) =>
    queueUrl({ ...emptyFilter, ...patch });
  // On the first day there is nothing to compare with; "+674 vs the day before" would be noise.
  const { change, previous } = summary.comparison;
  const compare = previous.logged > 0;
  const happier = summary.mood.leftHappierShare;
  return (
    <ul class="figures" aria-label={t('The day in figures')}>
      <Figure
        label={t('issues logged')}
        value={summary.totals.logged}
        href={q({ day: summary.day, status: 'all' })}
        change={signed(change.logged)}
      />
      <Figure label={t('resolved')} value={summary.totals.resolved} change={compare ? signed(change.resolved) : ''} />
      <Figure label={t('still to do')} value={summary.carriedOver.total} href={q({ status: 'active' })} />
      <Figure label={t('without an owner')} value={summary.carriedOver.withoutOwner} href={q({ status: 'open' })} />
      <Figure
        label={t('median first response')}
        value={minutes(summary.responseTimes.firstResponse.medianMinutes)}
        change={
          !compare || change.medianFirstResponseMinutes === null
            ? ''
            : t('{minutes} min', { minutes: signed(Math.round(change.medianFirstResponseMinutes)) })
        }
      />
      <Figure
        label={t('public-relations risks')}
        value={summary.publicRisk.count}
        href={q({ day: summary.day, status: 'all', publicRisk: true })}
      />
      <Figure label={t('left happier')} value={happier === null ? '—' : formatPercent(happier)} />
      <Figure
        label={t('follow-ups due')}
        value={summary.followUps.count}
        href={q({ day: summary.day, status: 'all', followUp: true })}
      />
    </ul>
  );
}

function SummaryBody({ summary }: { summary: DaySummary }) {
  const { event, people } = useSession();
  const q = (patch: Partial<QueueFilter>) => queueUrl({ ...emptyFilter, day: summary.day, status: 'all', ...patch });
  return (
    <>
      <p class="muted">
        {summary.isOver
          ? t('Final figures for the day')
          : t('Day in progress, figures as of {when}', { when: formatWhen(summary.asOf, event.timezone) })}{' '}
        · {t('from the issues on this device')}
      </p>
      <Headlines summary={summary} />
      <section class="card" aria-labelledby="load-title">
        <h2 id="load-title">{t('Where and when')}</h2>
        <HourChart hours={summary.totals.byHour} hrefOf={(hour) => q({ hour: String(hour) })} />
        <BarList title={t('Categories')} items={summary.totals.byCategory} hrefOf={(key) => q({ category: key })} />
        <BarList
          title={t('Zones')}
          items={summary.totals.byZone}
          hrefOf={(key) => (key === 'unknown' ? null : q({ zoneId: key }))}
        />
      </section>
      <section class="card" aria-labelledby="status-title">
        <h2 id="status-title">{t('Status and severity of the day’s issues')}</h2>
        <table class="summary-table">
          <tbody>
            {Object.entries(summary.totals.byStatus).map(([status, count]) => (
              <tr key={status}>
                <th scope="row">
                  <a href={q({ status: status as never })}>{statusNames[status as keyof typeof statusNames]}</a>
                </th>
                <td>{formatNumber(count)}</td>
              </tr>
            ))}
            {Object.entries(summary.totals.bySeverity).map(([severity, count]) => (
              <tr key={severity}>
                <th scope="row">
                  <a href={q({ severity: severity as never })}>{severityLabels[severity as keyof typeof severityLabels]}</a>
                </th>
                <td>{formatNumber(count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="card" aria-labelledby="times-title">
        <h2 id="times-title">{t('Response and resolution times')}</h2>
        <table class="summary-table">
          <thead>
            <tr>
              <th scope="col">{t('Category')}</th>
              <th scope="col">{t('First response (median / p90)')}</th>
              <th scope="col">{t('Resolution (median / p90)')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('All')}</th>
              <td>
                {minutes(summary.responseTimes.firstResponse.medianMinutes)} /{' '}
                {minutes(summary.responseTimes.firstResponse.p90Minutes)}
              </td>
              <td>
                {minutes(summary.responseTimes.resolution.medianMinutes)} / {minutes(summary.responseTimes.resolution.p90Minutes)}
              </td>
            </tr>
            {summary.responseTimes.byCategory.map((c) => (
              <tr key={c.category}>
                <th scope="row">{t(c.label)}</th>
                <td>
                  {minutes(c.firstResponse.medianMinutes)} / {minutes(c.firstResponse.p90Minutes)}
                </td>
                <td>
                  {minutes(c.resolution.medianMinutes)} / {minutes(c.resolution.p90Minutes)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="card" aria-labelledby="mood-title">
        <h2 id="mood-title">{t('How attendees left')}</h2>
        <p>
          {tn(
            summary.mood.bothRecorded,
            'Of {count} attendee with both moods recorded, {happier} left happier, {same} the same and {unhappier} unhappier.',
            'Of {count} attendees with both moods recorded, {happier} left happier, {same} the same and {unhappier} unhappier.',
            { happier: summary.mood.happier, same: summary.mood.same, unhappier: summary.mood.unhappier },
          )}
        </p>
        <table class="summary-table">
          <thead>
            <tr>
              <th scope="col">{t('Mood')}</th>
              <th scope="col">{t('At the desk')}</th>
              <th scope="col">{t('When they left')}</th>
            </tr>
          </thead>
          <tbody>
            {(Object.keys(moodLabels) as (keyof typeof moodLabels)[]).map((mood) => (
              <tr key={mood}>
                <th scope="row">{moodLabels[mood]}</th>
                <td>{formatNumber(summary.mood.atIntake[mood])}</td>
                <td>{formatNumber(summary.mood.atClose[mood])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="card" aria-labelledby="risk-title">
        <h2 id="risk-title">{t('Public-relations risks ({count})', { count: summary.publicRisk.count })}</h2>
        <ul>
          {summary.publicRisk.issues.map((r) => (
            <li key={r.id}>
              <a href={`/issues/${r.id}`}>{r.summary}</a> — {riskLabels[r.level]}, {statusNames[r.status]},{' '}
              {t('owner {name}', { name: r.ownerName ?? t('nobody') })}
              {r.escalatedToComms ? t(', comms know') : t(', comms not told yet')}
            </li>
          ))}
        </ul>
        <p>
          <a href="/pr-risk">{t('Brief for the comms team')}</a>
        </p>
      </section>
      <section class="card" aria-labelledby="lost-title">
        <h2 id="lost-title">{t('Lost property')}</h2>
        <p>
          {t('{reported} reported lost, {found} found, {matched} matched, {returned} returned to their owners.', {
            reported: summary.lostProperty.reported,
            found: summary.lostProperty.found,
            matched: summary.lostProperty.matched,
            returned: summary.lostProperty.returned,
          })}{' '}
          {summary.lostProperty.returnRate === null
            ? ''
            : `${t('Of the day’s found items, {share} are back with their owners.', { share: formatPercent(summary.lostProperty.returnRate) })} `}
          {tn(summary.lostProperty.inStorage, '{count} item at the desk.', '{count} items at the desk.')}
        </p>
        <p>
          <a href="/lost-property">{t('The lost-property register')}</a>
        </p>
      </section>
      <section class="card" aria-labelledby="alerts-title">
        <h2 id="alerts-title">{t('Alerts')}</h2>
        <p>
          {summary.alerts.answered === 0
            ? t('No alert was answered this day.')
            : tn(
                summary.alerts.answered,
                '{count} alert answered with “I’m on it”; half within {median} min, nine in ten within {p90} min.',
                '{count} alerts answered with “I’m on it”; half within {median} min, nine in ten within {p90} min.',
                { median: summary.alerts.medianMinutesToAnswer ?? '—', p90: summary.alerts.p90MinutesToAnswer ?? '—' },
              )}
        </p>
      </section>
      <section class="card" aria-labelledby="people-title">
        <h2 id="people-title">{t('People, referrals and handovers')}</h2>
        <BarList
          title={t('Owners of the day’s issues')}
          items={summary.staff.byOwner.map((p) => ({
            key: p.id ?? p.name,
            label: (p.id !== null ? people.find((person) => person.id === p.id)?.name : undefined) ?? p.name,
            count: p.count,
          }))}
          hrefOf={(key) => (summary.staff.byOwner.some((p) => p.id === key) ? q({ owner: key }) : null)}
        />
        <BarList
          title={t('Referred to other teams')}
          items={summary.referrals.byCategory}
          hrefOf={(key) => q({ category: key })}
        />
        <p>{tn(summary.staff.handovers.count, '{count} handover during the day.', '{count} handovers during the day.')}</p>
      </section>
      {summary.notableNotes.length > 0 && (
        <section class="card" aria-labelledby="notes-title">
          <h2 id="notes-title">{t('Notes worth reading')}</h2>
          <ul>
            {summary.notableNotes.map((n) => (
              <li key={`${n.issueId}-${n.at}`}>
                <a href={`/issues/${n.issueId}`}>{formatWhen(n.at, event.timezone)}</a> · {n.by}:{' '}
                {n.phrase ? said(n.phrase) : n.text}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function DaySummaryView() {
  const { db, event, role } = useSession();
  const rows = useLiveQuery(() => readEventRows(db, event.id), [db, event.id]);
  const days = useMemo(
    () => [...new Set([...event.days, ...(rows.data ?? []).map((r) => r.day)])].sort(),
    [rows.data, event.days],
  );
  const today = operationalDayOf(new Date(), event);
  const [chosen, setChosen] = useState<string | null>(null);
  const day = chosen ?? (days.includes(today) || days.length === 0 ? today : days.at(-1)!);
  // The summary needs whole issues, but only those that can count for this day or the one before.
  const issues = useLiveQuery(async () => {
    if (!rows.data) return undefined;
    const since = previousDate(previousDate(day));
    const ids = rows.data
      .filter(
        (r) => r.day >= since || r.updatedAt.slice(0, 10) >= since || ['open', 'in_progress', 'follow_up'].includes(r.status),
      )
      .map((r) => r.id);
    return readIssuesById(db, ids);
  }, [db, rows.data, day]);
  const summary = useMemo(
    () => (issues.data ? summarizeDay(issues.data, event, day, new Date()) : undefined),
    [issues.data, event, day],
  );
  const isOrganizer = role === 'organizer';
  return (
    <Screen title={t('Day summary')}>
      <div class="summary-controls">
        <SelectField
          label={t('Festival day')}
          value={day}
          options={(days.includes(day) ? days : [...days, day]).map((d) => ({ value: d, label: d }))}
          onChange={setChosen}
        />
        <ul class="summary-links">
          <li>
            <a class="button" href="/follow-up">
              {t('Follow-ups')}
            </a>
          </li>
          <li>
            <a class="button" href="/pr-risk">
              {t('PR risks')}
            </a>
          </li>
          <li>
            <a class="button" href="/evangelists">
              {t('Evangelists')}
            </a>
          </li>
          <li>
            <button type="button" class="button" onClick={() => window.print()}>
              {t('Print / save as PDF')}
            </button>
          </li>
        </ul>
      </div>
      <h2 class="print-only">
        {event.name} — {day}
      </h2>
      {summary ? <SummaryBody summary={summary} /> : <p class="loading">{t('Adding up the day…')}</p>}
      {isOrganizer && <ExportPanel days={days} defaultDay={day} />}
    </Screen>
  );
}

export default function SummaryScreen() {
  return (
    <RoleGate needs="coordinator" title={t('Day summary')}>
      <DaySummaryView />
    </RoleGate>
  );
}
