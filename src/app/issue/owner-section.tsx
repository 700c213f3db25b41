import { useState } from 'preact/hooks';
import { AppError } from '../../domain/app-error';
import type { Issue } from '../../domain/issue';
import { makeChange } from '../changes';
import { ChangeForm } from '../components/change-form';
import { SelectField, TextArea, TextField } from '../components/fields';
import { useSession } from '../session';

const someoneElse = '__other__';

export function OwnerSection({ issue }: { issue: Issue }) {
  const session = useSession();
  const me = session.staff.current;
  const colleagues = session.staff.recent.filter((m) => m.id !== issue.owner?.id);
  const [to, setTo] = useState(colleagues[0]?.id ?? someoneElse);
  const [otherName, setOtherName] = useState('');
  const [note, setNote] = useState('');
  const isMine = me !== null && issue.owner?.id === me.id;

  return (
    <section class="card" aria-labelledby="owner-title">
      <h2 id="owner-title">Owner</h2>
      <p class="owner-line">{issue.owner ? `${issue.owner.name} owns this issue.` : 'Nobody owns this issue yet.'}</p>
      {me && !isMine && (
        <ChangeForm
          label="Take ownership"
          submitLabel="Take ownership"
          primary={!issue.owner}
          savedMessage="You own this issue now. Saved on this phone."
          onSubmit={() => makeChange(session, 'assignOwner', { issueId: issue.id, owner: { id: me.id, name: me.name } })}
        />
      )}
      <details class="subform">
        <summary>Hand over to someone else</summary>
        <ChangeForm
          label="Hand over"
          submitLabel="Hand over"
          savedMessage="Handed over. Saved on this phone."
          onSaved={() => {
            setNote('');
            setOtherName('');
          }}
          onSubmit={() => {
            const member = colleagues.find((m) => m.id === to);
            const name = member?.name ?? otherName.trim();
            if (!name) return Promise.reject(new AppError('invalid', 'Say who takes the issue over.'));
            // Someone not yet on this phone gets an id from their name until sign-in exists.
            const target = member ? { id: member.id, name: member.name } : { id: `name:${name.toLowerCase()}`, name };
            return makeChange(session, 'handOver', { issueId: issue.id, to: target, note });
          }}
        >
          <SelectField
            label="Hand over to"
            value={to}
            options={[...colleagues.map((m) => ({ value: m.id, label: m.name })), { value: someoneElse, label: 'Someone else…' }]}
            onChange={setTo}
          />
          {to === someoneElse && <TextField label="Their name" value={otherName} onInput={setOtherName} required />}
          <TextArea
            label="Handover note"
            hint="What they need to know: what was tried, what the attendee was told, what is next."
            value={note}
            onInput={setNote}
            required
          />
        </ChangeForm>
      </details>
    </section>
  );
}
