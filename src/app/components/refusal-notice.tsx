import { useState } from 'preact/hooks';
import { dismissRejections } from '../../db/rejection-repository';
import type { RefusedChange } from '../../db/rows';
import { errorMessage } from '../changes';
import { t } from '../i18n/messages';
import { storedText } from '../i18n/said';
import { useSession } from '../session';

/**
 * Changes the server refused, with its reasons, in sight until someone has read them (an issue's
 * refusals on its screen; refused settings changes in Settings). `target` is the id, or
 * '' for the event's settings.
 */
export function RefusalNotice(props: {
  refusals: RefusedChange[];
  target: string;
  describe: (refusal: RefusedChange) => string;
}) {
  const { db } = useSession();
  const [problem, setProblem] = useState('');
  const unread = props.refusals.filter((r) => !r.dismissedAt);
  if (unread.length === 0) return null;
  const markRead = async () => {
    try {
      await dismissRejections(db, props.target, new Date().toISOString());
      setProblem('');
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  return (
    <div class="message message--error refusals">
      {unread.map((r) => (
        <p key={r.mutationId}>
          {t('The server refused {what}: {reason}', {
            what: props.describe(r),
            reason: storedText({ text: r.message, phrase: r.phrase }),
          })}
        </p>
      ))}
      <button type="button" class="button" onClick={() => void markRead()}>
        {t('I have read this')}
      </button>
      {problem && <p role="alert">{problem}</p>}
    </div>
  );
}
