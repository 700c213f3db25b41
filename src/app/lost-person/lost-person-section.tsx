import { useState } from 'preact/hooks';
import type { Issue } from '../../domain/issue';
import { lostPersonStateLabels } from '../../domain/lost-person';
import { makeChange } from '../changes';
import { ChangeForm } from '../components/change-form';
import { TextField } from '../components/fields';
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
        <h2 id="person-title">Lost person: {lostPersonStateLabels[lost.state]}</h2>
        {d ? (
          <dl class="facts">
            <dt>Name</dt>
            <dd>{d.name || 'Not known'}</dd>
            <dt>Age</dt>
            <dd>{d.age || 'Not known'}</dd>
            <dt>Clothing and looks</dt>
            <dd>{d.clothing || 'Not described'}</dd>
            <dt>Last seen</dt>
            <dd>
              {d.lastSeenPlace || 'Place not known'}
              {d.lastSeenAt ? `, ${formatWhen(d.lastSeenAt, event.timezone, now)}` : ''}
            </dd>
            <dt>Who is looking for them</dt>
            <dd>{d.lookingForThem || 'Not recorded'}</dd>
          </dl>
        ) : (
          <p>The case is finished: the description is no longer kept on phones.</p>
        )}
        {lost.state !== 'missing' && lost.foundWhere && <p>Found: now at {lost.foundWhere}.</p>}
        {lost.reunion && (
          <p>
            Reunited {formatWhen(lost.reunion.at, event.timezone, now)}
            {lost.reunion.collectedBy ? ` with ${lost.reunion.collectedBy}` : ''}, checked by {lost.reunion.by.name}.
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
      <h2 id="found-title">Found</h2>
      <ChangeForm
        label="Found"
        submitLabel="Mark as found"
        onSubmit={() => makeChange(session, 'markPersonFound', { issueId: issue.id, where })}
      >
        <TextField label="Where they are now" value={where} onInput={setWhere} required />
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
      <h2 id="reunite-title">Reunited</h2>
      <ChangeForm
        label="Reunited"
        submitLabel="Record the reunion"
        onSubmit={() => makeChange(session, 'reunitePerson', { issueId: issue.id, collectedBy, relation, idKind, idLast4 })}
      >
        <TextField label="Collected by" value={collectedBy} onInput={setCollectedBy} required />
        <TextField label="How they are related" value={relation} onInput={setRelation} />
        <IdCheckFields idKind={idKind} idLast4={idLast4} onIdKind={setIdKind} onIdLast4={setIdLast4} />
      </ChangeForm>
    </section>
  );
}
