import { useState } from 'preact/hooks';
import type { Issue } from '../../domain/issue';
import { makeChange } from '../changes';
import { ChangeForm } from '../components/change-form';
import { TextArea } from '../components/fields';
import { useSession } from '../session';

export function ToldAttendeeForm({ issue }: { issue: Issue }) {
  const session = useSession();
  const [text, setText] = useState('');
  return (
    <section class="card" aria-labelledby="told-title">
      <h2 id="told-title">What we told the attendee</h2>
      <p class={issue.toldAttendee ? '' : 'muted'}>{issue.toldAttendee || 'Nothing recorded yet.'}</p>
      <ChangeForm
        label="Record what we told the attendee"
        submitLabel="Record"
        onSaved={() => setText('')}
        onSubmit={() => makeChange(session, 'recordToldAttendee', { issueId: issue.id, text })}
      >
        <TextArea
          label="What did we tell them?"
          hint="Promises matter: the next person must say the same thing."
          value={text}
          onInput={setText}
          required
        />
      </ChangeForm>
    </section>
  );
}

export function NoteForm({ issue }: { issue: Issue }) {
  const session = useSession();
  const [text, setText] = useState('');
  return (
    <ChangeForm
      label="Add a note"
      submitLabel="Add note"
      onSaved={() => setText('')}
      onSubmit={() => makeChange(session, 'addNote', { issueId: issue.id, text })}
    >
      <TextArea label="Note" value={text} onInput={setText} required />
    </ChangeForm>
  );
}
