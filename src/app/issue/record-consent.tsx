import { useState } from 'preact/hooks';
import type { Issue } from '../../domain/issue';
import { hasContactDetails } from '../../domain/personal-data';
import { errorMessage, makeChange } from '../changes';
import { readThisToThem } from '../components/attendee-fields';
import { t } from '../i18n/messages';
import { useSession } from '../session';

/**
 * The consent question and a button to record the answer, where a follow-up or a contact detail
 * needs it. A button, not a form, so it can sit inside another form (a note being typed).
 */
export function RecordConsent({ issue }: { issue: Issue }) {
  const session = useSession();
  const [state, setState] = useState<{ busy: boolean; problem: string }>({ busy: false, problem: '' });
  if (issue.consent.given) return <p>{t('The attendee agreed to be contacted about this issue.')}</p>;
  const record = async () => {
    setState({ busy: true, problem: '' });
    try {
      await makeChange(session, 'updateFields', { issueId: issue.id, fields: { consentGiven: true } });
      setState({ busy: false, problem: '' });
    } catch (error) {
      setState({ busy: false, problem: errorMessage(error) });
    }
  };
  return (
    <div class="record-consent">
      <p>{readThisToThem()}</p>
      {!hasContactDetails(issue.attendee) && !issue.contactWithheld && (
        <p class="muted">{t('Add their email or phone as well, so someone can reach them.')}</p>
      )}
      <button type="button" class="button" disabled={state.busy} onClick={() => void record()}>
        {t('They agree to be contacted')}
      </button>
      {state.problem && (
        <p class="message message--error" role="alert">
          {state.problem}
        </p>
      )}
    </div>
  );
}
