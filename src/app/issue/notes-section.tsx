import { useState } from 'preact/hooks';
import type { Issue } from '../../domain/issue';
import { canReadContactDetails } from '../../domain/staff';
import { textLimits } from '../../domain/text-limits';
import { makeChange } from '../changes';
import { ChangeForm } from '../components/change-form';
import { ContactPrompt, type FoundContact } from '../components/contact-prompt';
import { TextArea } from '../components/fields';
import { t } from '../i18n/messages';
import { useSession } from '../session';
import { mayShowContact } from './attendee-contact';
import { RecordConsent } from './record-consent';

/**
 * The "it looks like a phone number" prompt under a note being typed. Moving saves the number in
 * the attendee's contact field at once (its own change) and takes it out of the note, so the note
 * that is saved later never holds it. Where this phone may not see the contact details it only
 * says so: it cannot show what a move would replace.
 */
function NoteContactPrompt({ issue, text, setText }: { issue: Issue; text: string; setText: (text: string) => void }) {
  const session = useSession();
  const mayShow = mayShowContact(issue, canReadContactDetails(session.role), session.staff.current?.id ?? null);
  const move = async (found: FoundContact) => {
    await makeChange(session, 'updateFields', { issueId: issue.id, fields: { attendee: { [found.kind]: found.value } } });
    setText(found.rest);
  };
  return (
    <ContactPrompt
      sources={[{ key: 'text', text }]}
      current={issue.attendee}
      onMove={mayShow ? move : undefined}
      afterMove={<RecordConsent issue={issue} />}
    />
  );
}

export function ToldAttendeeForm({ issue }: { issue: Issue }) {
  const session = useSession();
  const [text, setText] = useState('');
  return (
    <section class="card" aria-labelledby="told-title">
      <h2 id="told-title">{t('What we told the attendee')}</h2>
      <p class={issue.toldAttendee ? '' : 'muted'}>{issue.toldAttendee || t('Nothing recorded yet.')}</p>
      <ChangeForm
        label={t('Record what we told the attendee')}
        submitLabel={t('Record')}
        onSaved={() => setText('')}
        onSubmit={() => makeChange(session, 'recordToldAttendee', { issueId: issue.id, text })}
      >
        <TextArea
          label={t('What did we tell them?')}
          hint={t('Promises matter: the next person must say the same thing.')}
          value={text}
          maxLength={textLimits.toldAttendee}
          onInput={setText}
          required
        />
        <NoteContactPrompt issue={issue} text={text} setText={setText} />
      </ChangeForm>
    </section>
  );
}

export function NoteForm({ issue }: { issue: Issue }) {
  const session = useSession();
  const [text, setText] = useState('');
  return (
    <ChangeForm
      label={t('Add a note')}
      submitLabel={t('Add note')}
      onSaved={() => setText('')}
      onSubmit={() => makeChange(session, 'addNote', { issueId: issue.id, text })}
    >
      <TextArea label={t('Note')} value={text} maxLength={textLimits.note} onInput={setText} required />
      <NoteContactPrompt issue={issue} text={text} setText={setText} />
    </ChangeForm>
  );
}
