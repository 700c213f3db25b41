import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { errorMessage } from '../changes';
import { t } from '../i18n/messages';

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved'; message: string } | { kind: 'failed'; message: string };

/**
 * A form that makes one change. It says "saved on this phone" only once the transaction has
 * completed, and on failure shows why while keeping everything typed.
 */
export function ChangeForm(props: {
  label: string;
  submitLabel: string;
  onSubmit: () => Promise<unknown>;
  /** Called after a successful save, e.g. to empty the form. */
  onSaved?: () => void;
  savedMessage?: string;
  primary?: boolean;
  children?: ComponentChildren;
}) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const submit = async (event: Event) => {
    event.preventDefault();
    setOutcome({ kind: 'busy' });
    try {
      await props.onSubmit();
      setOutcome({ kind: 'saved', message: props.savedMessage ?? t('Saved on this phone.') });
      props.onSaved?.();
    } catch (error) {
      setOutcome({ kind: 'failed', message: errorMessage(error) });
    }
  };
  return (
    <form class="change-form" aria-label={props.label} onSubmit={(e) => void submit(e)} noValidate>
      {props.children}
      <button type="submit" class={props.primary ? 'button button--primary' : 'button'} disabled={outcome.kind === 'busy'}>
        {props.submitLabel}
      </button>
      <div class="change-form__outcome">
        {outcome.kind === 'failed' && (
          <p class="message message--error" role="alert">
            {outcome.message}
          </p>
        )}
        {outcome.kind === 'saved' && (
          <p class="message message--ok" role="status">
            {outcome.message}
          </p>
        )}
      </div>
    </form>
  );
}
