import type { QueueRow } from '../../db/rows';
import type { FestivalEvent } from '../../domain/event';
import { isWaitingTooLong } from '../../domain/response-targets';
import { t } from '../i18n/messages';
import { formatWhen, severityLabels, statusNames } from '../labels';

export const queueRowHeight = 104;

export function QueueRowView({ row, event, now }: { row: QueueRow; event: FestivalEvent; now: Date }) {
  const category = t(event.categories.find((c) => c.id === row.category)?.label ?? row.category);
  const zoneLabel = event.zones.find((z) => z.id === row.zoneId)?.name;
  const zone = zoneLabel && t(zoneLabel);
  const overdue = isWaitingTooLong(row, event, now);
  return (
    <a href={`/issues/${row.id}`} class={overdue ? 'queue-row queue-row--overdue' : 'queue-row'}>
      <span class="queue-row__badges">
        <span class={`badge badge--${row.severity}`}>{severityLabels[row.severity]}</span>
        <span class="badge badge--status">{row.voided ? t('voided') : statusNames[row.status]}</span>
        {row.hasPublicRisk && <span class="badge badge--risk">{t('Public risk')}</span>}
        {row.needsFollowUp && <span class="badge">{t('Follow-up')}</span>}
        {overdue && <span class="badge badge--overdue">{t('Waiting too long')}</span>}
      </span>
      <span class="queue-row__summary">{row.restricted ? t('Restricted case') : row.summary}</span>
      <span class="queue-row__meta">
        {[category, zone, formatWhen(row.createdAt, event.timezone, now)].filter(Boolean).join(' · ')}
        {' · '}
        <span class={row.owner ? '' : 'queue-row__unowned'}>
          {row.owner ? t('Owner: {name}', { name: row.owner.name }) : t('No owner')}
        </span>
      </span>
    </a>
  );
}
