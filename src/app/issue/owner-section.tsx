import { useState } from 'preact/hooks';
import { AppError } from '../../domain/app-error';
import type { Issue, PersonRef } from '../../domain/issue';
import { textLimits } from '../../domain/text-limits';
import { makeChange } from '../changes';
import { ChangeForm } from '../components/change-form';
import { SelectField, TextArea, TextField } from '../components/fields';
import { roleLabels } from '../components/staff-picker';
import { t } from '../i18n/messages';
import { type Session, useSession } from '../session';

const someoneElse = '__other__';

interface Candidate extends PersonRef {
  label: string;
}

/**
 * Who an issue can go to: on a phone that joined, the people who joined the event and are
 * signed in (so the issue lands under their "Mine"); on a phone on its own, the people who
 * used it, or a typed name.
 */
function candidatesFor(session: Session, issue: Issue): Candidate[] {
  if (session.joined) {
    return session.people
      .filter((p) => p.signedIn && p.id !== issue.owner?.id)
      .map((p) => ({ id: p.id, name: p.name, label: `${p.name} (${roleLabels[p.role]})` }));
  }
  return session.staff.recent.filter((m) => m.id !== issue.owner?.id).map((m) => ({ id: m.id, name: m.name, label: m.name }));
}

export function OwnerSection({ issue }: { issue: Issue }) {
  const session = useSession();
  const me = session.staff.current;
  const candidates = candidatesFor(session, issue);
  const choices = [...candidates.map((c) => c.id), ...(session.joined ? [] : [someoneElse])];
  const [chosen, setTo] = useState<string | null>(null);
  // What was picked, while it is still a choice; otherwise the first one (never a blank picker).
  const to = chosen !== null && choices.includes(chosen) ? chosen : (choices[0] ?? '');
  const [otherName, setOtherName] = useState('');
  const [note, setNote] = useState('');
  const isMine = me !== null && issue.owner?.id === me.id;

  return (
    <section class="card" aria-labelledby="owner-title">
      <h2 id="owner-title">{t('Owner')}</h2>
      <p class="owner-line">
        {issue.owner ? t('{name} owns this issue.', { name: issue.owner.name }) : t('Nobody owns this issue yet.')}
      </p>
      {me && !isMine && (
        <ChangeForm
          label={t('Take ownership')}
          submitLabel={t('Take ownership')}
          primary={!issue.owner}
          savedMessage={t('You own this issue now. Saved on this phone.')}
          onSubmit={() => makeChange(session, 'assignOwner', { issueId: issue.id, owner: { id: me.id, name: me.name } })}
        />
      )}
      <details class="subform">
        <summary>{t('Hand over to someone else')}</summary>
        {choices.length === 0 ? (
          <p class="muted">{t('Nobody else has joined the event yet: a coordinator lets people join from Settings.')}</p>
        ) : (
          <ChangeForm
            label={t('Hand over')}
            submitLabel={t('Hand over')}
            savedMessage={t('Handed over. Saved on this phone.')}
            onSaved={() => {
              setNote('');
              setOtherName('');
            }}
            onSubmit={() => {
              const person = candidates.find((c) => c.id === to);
              const name = person?.name ?? otherName.trim();
              if (!name) return Promise.reject(new AppError('invalid', t('Say who takes the issue over.')));
              // On a phone on its own, someone not yet on it gets an id from their name.
              const target = person ? { id: person.id, name: person.name } : { id: `name:${name.toLowerCase()}`, name };
              return makeChange(session, 'handOver', { issueId: issue.id, to: target, note });
            }}
          >
            <SelectField
              label={t('Hand over to')}
              value={to}
              options={[
                ...candidates.map((c) => ({ value: c.id, label: c.label })),
                ...(session.joined ? [] : [{ value: someoneElse, label: t('Someone else…') }]),
              ]}
              onChange={setTo}
            />
            {to === someoneElse && <TextField label={t('Their name')} value={otherName} onInput={setOtherName} required />}
            <TextArea
              label={t('Handover note')}
              hint={t('What they need to know: what was tried, what the attendee was told, what is next.')}
              value={note}
              maxLength={textLimits.handoverNote}
              onInput={setNote}
              required
            />
          </ChangeForm>
        )}
      </details>
    </section>
  );
}
