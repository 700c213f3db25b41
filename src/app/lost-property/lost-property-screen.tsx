import type { Issue } from '../../domain/issue';
import { festivalIsOver, keepingEndsAt, keepingHasEnded } from '../../domain/lost-property-keeping';
import { Screen } from '../components/screen';
import { formatPercent } from '../format';
import { formatNumber, t, tn } from '../i18n/messages';
import { formatWhen } from '../labels';
import { useSession } from '../session';
import { useNow } from '../use-now';
import { itemTitleOf, stateLabelOf } from './labels';
import { useLostPropertyIssues } from './use-lost-property';

const atDesk = (issue: Issue) =>
  issue.lostProperty?.kind === 'found' &&
  !issue.voided &&
  !['handed_back', 'posted', 'disposed'].includes(issue.lostProperty.state);
const openReport = (issue: Issue) =>
  issue.lostProperty?.kind === 'lost' && !issue.voided && issue.lostProperty.state !== 'returned';

/** Items at the desk by bin ("Not stored yet" last), each bin's items newest first. */
function byBin(items: Issue[]): [string, Issue[]][] {
  const bins = new Map<string, Issue[]>();
  for (const item of items) {
    const bin = item.lostProperty?.storage || '';
    bins.set(bin, [...(bins.get(bin) ?? []), item]);
  }
  return [...bins.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, undefined, { numeric: true })))
    .map(([bin, list]) => [bin, list.sort((x, y) => y.createdAt.localeCompare(x.createdAt))]);
}

function ItemLink({ issue }: { issue: Issue }) {
  const { event } = useSession();
  const now = useNow();
  return (
    <li>
      <a href={`/issues/${issue.id}`}>{itemTitleOf(issue)}</a>
      <span class="item-meta">
        {' '}
        · {stateLabelOf(issue)} · {t('logged {when}', { when: formatWhen(issue.createdAt, event.timezone, now) })}
      </span>
    </li>
  );
}

/**
 * The lost-property register: what is in which bin, the reports still open, what was matched
 * and waits for collection, and after the festival what nobody claimed.
 */
export function LostPropertyScreen() {
  const { event } = useSession();
  const now = useNow();
  const query = useLostPropertyIssues();
  const issues = query.data ?? [];
  const stored = issues.filter(atDesk);
  const reports = issues.filter(openReport);
  const returned = issues.filter((i) => !i.voided && ['handed_back', 'posted'].includes(i.lostProperty?.state ?? ''));
  const found = issues.filter((i) => !i.voided && i.lostProperty?.kind === 'found').length;
  const over = festivalIsOver(event, now);
  const ends = keepingEndsAt(event);
  return (
    <Screen title={t('Lost property')}>
      <p class="actions">
        <a class="button button--primary" href="/lost-property/new/found">
          {t('Log a found item')}
        </a>
        <a class="button" href="/lost-property/new/lost">
          {t('Log a lost report')}
        </a>
        <a class="button" href="/lost-person/new">
          {t('Lost person')}
        </a>
      </p>
      {!query.loaded ? (
        <p class="loading">{t('Reading the register…')}</p>
      ) : (
        <>
          <dl class="figures" aria-label={t('Lost property so far')}>
            <div>
              <dt>{t('At the desk')}</dt>
              <dd>{formatNumber(stored.length)}</dd>
            </div>
            <div>
              <dt>{t('Open lost reports')}</dt>
              <dd>{formatNumber(reports.length)}</dd>
            </div>
            <div>
              <dt>{t('Returned')}</dt>
              <dd>{formatNumber(returned.length)}</dd>
            </div>
            <div>
              <dt>{t('Return rate')}</dt>
              <dd>{found === 0 ? '–' : formatPercent(returned.length / found)}</dd>
            </div>
          </dl>
          {over && stored.length > 0 && (
            <p class="message message--warning" role="status">
              {tn(
                stored.length,
                'The festival is over: {count} unclaimed item is at the desk.',
                'The festival is over: {count} unclaimed items are at the desk.',
              )}{' '}
              {keepingHasEnded(event, now)
                ? t('The keeping period has ended: post them to their owners or dispose of them.')
                : ends
                  ? t('Keep them until {when}.', { when: formatWhen(ends, event.timezone, now) })
                  : t('Keep them until the keeping period ends.')}
            </p>
          )}
          <section class="card" aria-labelledby="bins-title">
            <h2 id="bins-title">{over ? t('Unclaimed, by bin') : t('In storage, by bin')}</h2>
            {stored.length === 0 && <p class="empty-state">{t('No items at the desk.')}</p>}
            {byBin(stored).map(([bin, items]) => (
              <div key={bin || 'none'} class="bin">
                <h3>{bin ? t('Bin {bin}', { bin }) : t('Not stored yet')}</h3>
                <ul class="item-list">
                  {items.map((item) => (
                    <ItemLink key={item.id} issue={item} />
                  ))}
                </ul>
              </div>
            ))}
          </section>
          <section class="card" aria-labelledby="reports-title">
            <h2 id="reports-title">{t('Lost reports still open ({count})', { count: reports.length })}</h2>
            {reports.length === 0 && <p class="empty-state">{t('No open lost reports.')}</p>}
            <ul class="item-list">
              {reports.map((item) => (
                <ItemLink key={item.id} issue={item} />
              ))}
            </ul>
          </section>
          <section class="card" aria-labelledby="returned-title">
            <details>
              <summary>
                <h2 id="returned-title" class="inline-heading">
                  {t('Returned ({count})', { count: returned.length })}
                </h2>
              </summary>
              <ul class="item-list">
                {returned.map((item) => (
                  <ItemLink key={item.id} issue={item} />
                ))}
              </ul>
            </details>
          </section>
        </>
      )}
    </Screen>
  );
}
