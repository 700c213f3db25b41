import type { HourCount } from '../../domain/summary/types';
import { formatNumber, t, tn } from '../i18n/messages';

/**
 * Load through the day as columns, hand-drawn in SVG (no chart library on the phone). The table
 * under it links each hour into the queue: rows make touch targets that 14-pixel bars cannot.
 */
export function HourChart({ hours, hrefOf }: { hours: HourCount[]; hrefOf: (hour: number) => string }) {
  const max = Math.max(1, ...hours.map((h) => h.count));
  const busiest = hours.reduce((a, b) => (b.count > a.count ? b : a), hours[0] ?? { hour: 0, label: '', count: 0 });
  const width = 24 * 14;
  const height = 120;
  const total = hours.reduce((sum, h) => sum + h.count, 0);
  return (
    <figure class="chart">
      <figcaption>{t('Issues logged per hour')}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height + 18}`}
        role="img"
        aria-label={
          total === 0
            ? t('No issues logged.')
            : tn(busiest.count, 'Busiest hour {hour} with {count} issue.', 'Busiest hour {hour} with {count} issues.', {
                hour: busiest.label,
              })
        }
        class="hour-chart"
      >
        {hours.map((h, i) => {
          const barHeight = (h.count / max) * height;
          return (
            <g key={h.label}>
              <rect x={i * 14 + 2} y={height - barHeight} width={10} height={barHeight} class="hour-chart__bar">
                <title>{`${h.label}: ${formatNumber(h.count)}`}</title>
              </rect>
              {i % 3 === 0 && (
                <text x={i * 14 + 7} y={height + 14} text-anchor="middle" class="hour-chart__label">
                  {h.label.slice(0, 2)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <details>
        <summary>{t('As a table')}</summary>
        <table class="summary-table">
          <thead>
            <tr>
              <th scope="col">{t('Hour')}</th>
              <th scope="col">{t('Issues')}</th>
            </tr>
          </thead>
          <tbody>
            {hours.map((h) => (
              <tr key={h.label}>
                <th scope="row">{h.count > 0 ? <a href={hrefOf(h.hour)}>{h.label}</a> : h.label}</th>
                <td>{h.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
