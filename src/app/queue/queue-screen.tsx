import './queue.css';
import { useMemo } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { readQueue } from '../../db/issue-repository';
import { emptyFilter, filterQueue, type QueueFilter } from '../../db/queue-filter';
import { severities, statuses } from '../../domain/issue';
import { CheckboxField, SelectField } from '../components/fields';
import { Screen } from '../components/screen';
import { t, tn } from '../i18n/messages';
import { severityLabels, statusNames } from '../labels';
import { useSession } from '../session';
import { useLiveQuery } from '../use-live-query';
import { useNow } from '../use-now';
import { QueueRowView, queueRowHeight } from './queue-row-view';
import { activeFilterCount, filterFromQuery, queueUrl } from './queue-url';
import { VirtualList } from './virtual-list';

const hourOptions = Array.from({ length: 24 }, (_, hour) => {
  const from = String(hour).padStart(2, '0');
  return { value: String(hour), label: `${from}:00–${from}:59` };
});

export function QueueScreen() {
  const { db, event, staff, people } = useSession();
  const location = useLocation();
  const filter = filterFromQuery(location.query);
  const now = useNow();
  const rows = useLiveQuery(() => readQueue(db, event.id), [db, event.id]).data;
  const myId = staff.current?.id ?? null;
  const shown = useMemo(() => (rows ? filterQueue(rows, filter, myId) : []), [rows, location.url, myId]);
  const days = useMemo(() => [...new Set([...event.days, ...(rows ?? []).map((r) => r.day)])].sort(), [rows, event.days]);
  // The people who joined, and anyone else who owns an issue here (named before they joined).
  const owners = useMemo(() => {
    const known = new Map(people.map((p) => [p.id, p.name]));
    for (const row of rows ?? []) if (row.owner && !known.has(row.owner.id)) known.set(row.owner.id, row.owner.name);
    return [...known].sort((a, b) => a[1].localeCompare(b[1]));
  }, [people, rows]);
  const setFilter = (patch: Partial<QueueFilter>) => location.route(queueUrl({ ...filter, ...patch }), true);
  const filterCount = activeFilterCount(filter);

  return (
    <Screen title={t('Issue queue')}>
      <div class="queue-controls">
        <div class="field">
          <label for="queue-search">{t('Search issues')}</label>
          <input
            id="queue-search"
            type="search"
            value={filter.text}
            onInput={(e) => setFilter({ text: e.currentTarget.value })}
          />
        </div>
        <details class="queue-filters" open={filterCount > 0}>
          <summary>{filterCount > 0 ? tn(filterCount, 'Filters ({count} on)', 'Filters ({count} on)') : t('Filters')}</summary>
          <div class="queue-filters__grid">
            <SelectField
              label={t('Status')}
              value={filter.status}
              options={[
                { value: 'active', label: t('Still to do') },
                { value: 'all', label: t('Any status') },
                ...statuses.map((s) => ({ value: s, label: statusNames[s] })),
              ]}
              onChange={(status) => setFilter({ status: status as QueueFilter['status'] })}
            />
            <SelectField
              label={t('Severity')}
              value={filter.severity}
              options={[
                { value: 'all', label: t('Any severity') },
                ...severities.map((s) => ({ value: s, label: severityLabels[s] })),
              ]}
              onChange={(severity) => setFilter({ severity: severity as QueueFilter['severity'] })}
            />
            <SelectField
              label={t('Category')}
              value={filter.category}
              options={[
                { value: '', label: t('Any category') },
                ...event.categories.map((c) => ({ value: c.id, label: t(c.label) })),
              ]}
              onChange={(category) => setFilter({ category })}
            />
            <SelectField
              label={t('Zone')}
              value={filter.zoneId}
              options={[{ value: '', label: t('Any zone') }, ...event.zones.map((z) => ({ value: z.id, label: t(z.name) }))]}
              onChange={(zoneId) => setFilter({ zoneId })}
            />
            <SelectField
              label={t('Owner')}
              value={filter.owner}
              options={[
                { value: '', label: t('Anyone or nobody') },
                { value: 'nobody', label: t('Nobody yet') },
                ...owners.map(([id, name]) => ({ value: id, label: name })),
              ]}
              onChange={(owner) => setFilter({ owner })}
            />
            <SelectField
              label={t('Festival day')}
              value={filter.day}
              options={[{ value: '', label: t('Every day') }, ...days.map((d) => ({ value: d, label: d }))]}
              onChange={(day) => setFilter({ day })}
            />
            <SelectField
              label={t('Hour logged')}
              value={filter.hour}
              options={[{ value: '', label: t('Any hour') }, ...hourOptions]}
              onChange={(hour) => setFilter({ hour })}
            />
            <CheckboxField label={t('Mine')} checked={filter.mine} onChange={(mine) => setFilter({ mine })} />
            <CheckboxField
              label={t('Public risk')}
              checked={filter.publicRisk}
              onChange={(publicRisk) => setFilter({ publicRisk })}
            />
            <CheckboxField
              label={t('Needs follow-up')}
              checked={filter.followUp}
              onChange={(followUp) => setFilter({ followUp })}
            />
          </div>
          {filterCount > 0 && (
            <a class="button" href={queueUrl({ ...emptyFilter, text: filter.text })}>
              {t('Clear filters')}
            </a>
          )}
        </details>
      </div>
      {rows === undefined ? (
        <p class="loading">{t('Loading issues…')}</p>
      ) : (
        <>
          <p class="queue-count" role="status">
            {rows.length !== shown.length
              ? tn(shown.length, '{count} issue of {total}', '{count} issues of {total}', { total: rows.length })
              : tn(shown.length, '{count} issue', '{count} issues')}
          </p>
          {shown.length === 0 ? (
            <p class="empty-state">
              {rows.length === 0 ? t('No issues on this phone yet.') : t('No issue matches these filters.')}
            </p>
          ) : (
            <VirtualList
              items={shown}
              rowHeight={queueRowHeight}
              label={t('Issues')}
              keyOf={(row) => row.id}
              renderRow={(row) => <QueueRowView row={row} event={event} now={now} />}
            />
          )}
        </>
      )}
    </Screen>
  );
}
