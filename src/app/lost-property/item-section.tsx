import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { readIssue } from '../../db/issue-repository';
import type { Issue } from '../../domain/issue';
import { itemCategoryLabels } from '../../domain/lost-property';
import { errorMessage, makeChanges } from '../changes';
import { t } from '../i18n/messages';
import { formatWhen } from '../labels';
import { useSession } from '../session';
import { useLiveQuery } from '../use-live-query';
import { useNow } from '../use-now';
import { CustodyList } from './custody-list';
import { DisposeForm } from './dispose-form';
import { HandBackForm } from './hand-back-form';
import { idKindLabels, itemTitleOf, stateLabelOf } from './labels';
import { MatchPanel } from './match-panel';
import { StoreForm } from './store-form';

function Fact({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The lost-property part of an issue screen: the item, where it is, its match and what to do next. */
export function ItemSection({ issue }: { issue: Issue }) {
  const { event } = useSession();
  const now = useNow();
  const lost = issue.lostProperty;
  if (!lost) return null;
  const atDesk = lost.kind === 'found' && !['handed_back', 'posted', 'disposed'].includes(lost.state);
  const handback = lost.handback;
  return (
    <>
      <section class="card" aria-labelledby="item-title">
        <h2 id="item-title">{lost.kind === 'found' ? t('Found item') : t('Lost report')}</h2>
        <dl class="facts">
          <Fact term={t('What')}>{t(itemCategoryLabels[lost.item.category])}</Fact>
          {lost.item.colour && <Fact term={t('Colour')}>{lost.item.colour}</Fact>}
          {lost.item.brand && <Fact term={t('Brand or model')}>{lost.item.brand}</Fact>}
          {lost.item.marks && <Fact term={t('Marks and contents')}>{lost.item.marks}</Fact>}
          <Fact term={lost.kind === 'found' ? t('Found at') : t('Last seen at')}>{lost.place || t('Not recorded')}</Fact>
          <Fact term={lost.kind === 'found' ? t('Found') : t('Lost')}>
            {lost.at ? formatWhen(lost.at, event.timezone, now) : t('Time not known')}
          </Fact>
          {lost.kind === 'found' && <Fact term={t('Stored in')}>{lost.storage || t('Not stored yet')}</Fact>}
          <Fact term={t('State')}>{stateLabelOf(issue)}</Fact>
          {handback && (
            <Fact term={t('Handed back')}>
              {handback.collectedBy ? `${t('to {name}', { name: handback.collectedBy })}, ` : ''}
              {handback.idLast4
                ? t('{id} ending {last4} checked by {name}', {
                    id: idKindLabels[handback.idKind],
                    last4: handback.idLast4,
                    name: handback.by.name,
                  })
                : t('{id} checked by {name}', { id: idKindLabels[handback.idKind], name: handback.by.name })}
              , {formatWhen(handback.at, event.timezone, now)}
            </Fact>
          )}
        </dl>
        {lost.matchedWith && <MatchedWith issue={issue} otherId={lost.matchedWith} />}
      </section>
      <MatchPanel issue={issue} />
      {atDesk && (
        <section class="card" aria-labelledby="store-title">
          <h2 id="store-title">{t('Storage')}</h2>
          <StoreForm issue={issue} />
        </section>
      )}
      {atDesk && <HandBackForm issue={issue} />}
      {atDesk && <DisposeForm issue={issue} />}
      <CustodyList issue={issue} />
    </>
  );
}

function MatchedWith({ issue, otherId }: { issue: Issue; otherId: string }) {
  const session = useSession();
  const other = useLiveQuery(() => readIssue(session.db, otherId), [session.db, otherId]).data;
  const [problem, setProblem] = useState<string | null>(null);
  const mayUndo = issue.lostProperty?.state === 'matched';
  const undo = async () => {
    setProblem(null);
    try {
      await makeChanges(session, [
        { name: 'matchItem', args: { issueId: issue.id, otherId, matched: false } },
        ...(other?.lostProperty?.matchedWith === issue.id
          ? [{ name: 'matchItem' as const, args: { issueId: otherId, otherId: issue.id, matched: false } }]
          : []),
      ]);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  return (
    <div class="matched-with">
      <p>
        {t('Matched with')} <a href={`/issues/${otherId}`}>{other ? itemTitleOf(other) : t('an issue not on this phone yet')}</a>
      </p>
      {mayUndo && (
        <button type="button" class="button" onClick={() => void undo()}>
          {t('Undo match: not the same item')}
        </button>
      )}
      {problem && (
        <p class="message message--error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
