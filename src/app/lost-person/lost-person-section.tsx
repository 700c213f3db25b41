import { useState } from 'preact/hooks';
import type { Issue } from '../../domain/issue';
import { lostPersonStateLabels } from '../../domain/lost-person';
import { makeChange } from '../changes';
import { ChangeForm } from '../components/change-form';
import { TextField } from '../components/fields';
import { t } from '../i18n/messages';
import { formatWhen } from '../labels';
import { IdCheckFields } from '../lost-property/id-check-fields';
import { useSession } from '../session';
import { useNow } from '../use-now';

/** The lost-person part of an issue screen: the description, found, reunited. */
export function LostPersonSection({ issue }: { issue: Issue }) {
  const { event } = useSession();
  const now = useNow();
  const lost = issue.lostPerson;
  if (!lost) return null;
  const d = lost.description;
  return (
    <>
      <section class="card" aria-labelledby="person-title">
        <h2 id="person-title">{t('Lost person: {state}', { state: t(lostPersonStateLabels[lost.state]) })}</h2>
        {d ? (
          <dl class="facts">
            <dt>{t('Name')}</dt>
            <dd>{d.name || t('Not known')}</dd>
            <dt>{t('Age')}</dt>
            <dd>{d.age || t('Not known')}</dd>
            <dt>{t('Clothing and looks')}</dt>
            <dd>{d.clothing || t('Not described')}</dd>
            <dt>{t('Last seen')}</dt>
            <dd>
              {d.lastSeenPlace || t('Place not known')}
              {d.lastSeenAt ? `, ${formatWhen(d.lastSeenAt, event.timezone, now)}` : ''}
            </dd>
            <dt>{t('Who is looking for them')}</dt>
            <dd>{d.lookingForThem || t('Not recorded')}</dd>
          </dl>
        ) : (
          <p>{t('The case is finished: the description is no longer kept on phones.')}</p>
        )}
        {lost.state !== 'missing' && lost.foundWhere && <p>{t('Found: now at {place}.', { place: lost.foundWhere })}</p>}
        {lost.reunion && (
          <p>
            {lost.reunion.collectedBy
              ? t('Reunited {when} with {collectedBy}, checked by {name}.', {
                  when: formatWhen(lost.reunion.at, event.timezone, now),
                  collectedBy: lost.reunion.collectedBy,
                  name: lost.reunion.by.name,
                })
              : t('Reunited {when}, checked by {name}.', {
                  when: formatWhen(lost.reunion.at, event.timezone, now),
                  name: lost.reunion.by.name,
                })}
          </p>
        )}
      </section>
      {lost.state === 'missing' && <FoundForm issue={issue} />}
      {lost.state !== 'reunited' && <ReuniteForm issue={issue} />}
    </>
  );
}

function FoundForm({ issue }: { issue: Issue }) {
  const session = useSession();
  const [where, setWhere] = useState('');
  return (
    <section class="card" aria-labelledby="found-title">
      <h2 id="found-title">{t('Found')}</h2>
      <ChangeForm
        label={t('Found')}
        submitLabel={t('Mark as found')}
        onSubmit={() => makeChange(session, 'markPersonFound', { issueId: issue.id, where })}
      >
        <TextField label={t('Where they are now')} value={where} onInput={setWhere} required />
      </ChangeForm>
    </section>
  );
}

function ReuniteForm({ issue }: { issue: Issue }) {
  const session = useSession();
  const [collectedBy, setCollectedBy] = useState('');
  const [relation, setRelation] = useState('');
  const [idKind, setIdKind] = useState('passport');
  const [idLast4, setIdLast4] = useState('');
  return (
    <section class="card" aria-labelledby="reunite-title">
      <h2 id="reunite-title">{t('Reunited')}</h2>
      <ChangeForm
        label={t('Reunited')}
        submitLabel={t('Record the reunion')}
        onSubmit={() => makeChange(session, 'reunitePerson', { issueId: issue.id, collectedBy, relation, idKind, idLast4 })}
      >
        <TextField label={t('Collected by')} value={collectedBy} onInput={setCollectedBy} required />
        <TextField label={t('How they are related')} value={relation} onInput={setRelation} />
        <IdCheckFields idKind={idKind} idLast4={idLast4} onIdKind={setIdKind} onIdLast4={setIdLast4} />
      </ChangeForm>
    </section>
  );
}
