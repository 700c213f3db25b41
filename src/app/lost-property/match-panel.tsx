import { useMemo, useState } from 'preact/hooks';
import type { Issue } from '../../domain/issue';
import { suggestMatches } from '../../domain/lost-property-matching';
import { errorMessage, makeChanges } from '../changes';
import { formatPercent } from '../format';
import { t } from '../i18n/messages';
import { said } from '../i18n/said';
import { formatWhen } from '../labels';
import { useSession } from '../session';
import { useNow } from '../use-now';
import { itemTitleOf } from './labels';
import { useLostPropertyIssues } from './use-lost-property';

/**
 * Likely matches for this item from the phone's own data (offline too), best first, with why.
 * A person confirms one: both sides are marked matched, and a consenting attendee who lost it
 * goes on the follow-up list.
 */
export function MatchPanel({ issue }: { issue: Issue }) {
  const session = useSession();
  const now = useNow();
  const all = useLostPropertyIssues().data;
  const [problem, setProblem] = useState<string | null>(null);
  const matches = useMemo(() => (all ? suggestMatches(issue, all) : []), [issue, all]);
  const lost = issue.lostProperty;
  if (!lost || lost.matchedWith !== null || ['handed_back', 'posted', 'disposed', 'returned'].includes(lost.state)) return null;
  const confirm = async (other: Issue) => {
    setProblem(null);
    try {
      await makeChanges(session, [
        { name: 'matchItem', args: { issueId: issue.id, otherId: other.id, matched: true } },
        { name: 'matchItem', args: { issueId: other.id, otherId: issue.id, matched: true } },
      ]);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  return (
    <section class="card" aria-labelledby="matches-title">
      <h2 id="matches-title">{t('Possible matches')}</h2>
      {!all ? (
        <p class="loading">{lost.kind === 'found' ? t('Looking for lost reports…') : t('Looking for found items…')}</p>
      ) : matches.length === 0 ? (
        <p class="empty-state">
          {lost.kind === 'found'
            ? t('No lost reports look like this one yet. Helptent checks again as new ones are logged.')
            : t('No found items look like this one yet. Helptent checks again as new ones are logged.')}
        </p>
      ) : (
        <ol class="matches">
          {matches.map((match) => (
            <li key={match.issue.id}>
              <a href={`/issues/${match.issue.id}`}>{itemTitleOf(match.issue)}</a>
              <span class="item-meta">
                {' '}
                · {t('logged {when}', { when: formatWhen(match.issue.createdAt, session.event.timezone, now) })}
              </span>
              <p class="match-reasons">
                {t('{share} alike: {reasons}', {
                  share: formatPercent(match.score),
                  reasons: match.reasons.map(said).join('; '),
                })}
              </p>
              <button type="button" class="button" onClick={() => void confirm(match.issue)}>
                {t('Confirm match with {item}', { item: itemTitleOf(match.issue).toLowerCase() })}
              </button>
            </li>
          ))}
        </ol>
      )}
      {problem && (
        <p class="message message--error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
