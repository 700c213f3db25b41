import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { type ContactInText, contactsInText, holdsContact, withoutContact } from '../../domain/contact-in-text';
import { errorMessage } from '../changes';
import { t } from '../i18n/messages';

export interface TextSource {
  /** Which text it is, for the caller ("summary", "details"). */
  key: string;
  text: string;
}

export type FoundContact = ContactInText & {
  key: string;
  /** The text it was found in, without it. */
  rest: string;
};

export interface ContactPromptProps {
  sources: TextSource[];
  /** Moves it (fills the contact field, takes it out of the text); absent where this phone may not. */
  onMove?: ((found: FoundContact) => unknown) | undefined;
  /** What the contact field holds now, to say what a move would replace. */
  current?: { email: string; phone: string } | undefined;
  /** Shown after a move: the consent question, as for contact fields. */
  afterMove?: ComponentChildren;
}

/**
 * Notices an email address or phone number typed into free text and offers to move it into the
 * attendee's contact fields, where consent applies and staff phones never see it. It never
 * blocks saving: ignoring it is fine, and "Keep in the text" puts it away for that value.
 */
export function ContactPrompt(props: ContactPromptProps) {
  return (
    <div class="contact-prompt" role="status">
      <ContactPromptBody {...props} />
    </div>
  );
}

/** The prompt without its live region, for a caller that keeps the region while this loads. */
export function ContactPromptBody(props: ContactPromptProps) {
  const [kept, setKept] = useState<string[]>([]);
  const [moved, setMoved] = useState<FoundContact | null>(null);
  const [problem, setProblem] = useState('');
  const found = props.sources
    .flatMap((source) =>
      contactsInText(source.text).map((f) => ({ ...f, key: source.key, rest: withoutContact(source.text, f) })),
    )
    .find((f) => !kept.includes(f.value));
  const held = found && props.current ? props.current[found.kind].trim() : '';
  const move = async (f: FoundContact) => {
    try {
      await props.onMove?.(f);
      setMoved(f);
      setProblem('');
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  return found ? (
    <div class="message message--warning">
      <p>
        {found.kind === 'email' ? t('This looks like an email address:') : t('This looks like a phone number:')}{' '}
        <strong>{found.value}</strong>.{' '}
        {props.onMove
          ? held && !holdsContact(held, found)
            ? t('Attendee contact details belong in the contact fields, where consent applies (it replaces {held}).', { held })
            : t('Attendee contact details belong in the contact fields, where consent applies.')
          : t('Only coordinators see attendee contact details; other staff phones get it hidden.')}
      </p>
      <fieldset class="button-list">
        <legend class="visually-hidden">
          {found.kind === 'email'
            ? t('What to do with an email address in the text')
            : t('What to do with a phone number in the text')}
        </legend>
        {props.onMove && (
          <button type="button" class="button" onClick={() => void move(found)}>
            {t('Move to contact details')}
          </button>
        )}
        <button type="button" class="button" onClick={() => setKept([...kept, found.value])}>
          {t('Keep in the text')}
        </button>
      </fieldset>
      {problem && <p role="alert">{problem}</p>}
    </div>
  ) : (
    // Until the form is emptied (saved) or the field changed again.
    moved && (!props.current || holdsContact(props.current[moved.kind], moved)) && (
      <div class="message message--ok">
        <p>{t('Moved {value} to the attendee’s contact details.', { value: moved.value })}</p>
        {props.afterMove}
      </div>
    )
  );
}
