import type { KeyCount } from '../../domain/summary/types';
import { formatNumber, t } from '../i18n/messages';

/**
 * Horizontal bars as a plain list: readable by screen readers, printable, and every bar a link
 * into the queue filtered to what it counts.
 */
export function BarList({ title, items, hrefOf }: { title: string; items: KeyCount[]; hrefOf: (key: string) => string | null }) {
  const max = Math.max(1, ...items.map((i) => i.count));
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      {items.length === 0 ? (
        <p class="muted">{t('None.')}</p>
      ) : (
        <ol class="bars">
          {items.map((item) => {
            const href = hrefOf(item.key);
            return (
              <li key={item.key}>
                <span class="bars__label">{href ? <a href={href}>{t(item.label)}</a> : t(item.label)}</span>
                <span class="bars__track" aria-hidden="true">
                  <span class="bars__bar" style={{ width: `${(item.count / max) * 100}%` }} />
                </span>
                <span class="bars__count">{formatNumber(item.count)}</span>
              </li>
            );
          })}
        </ol>
      )}
    </figure>
  );
}
