import { useState } from 'preact/hooks';
import type { Issue } from '../../domain/issue';
import { textLimits } from '../../domain/text-limits';
import { makeChange } from '../changes';
import { ChangeForm } from '../components/change-form';
import { TextArea } from '../components/fields';
import { t } from '../i18n/messages';
import { useSession } from '../session';

/**
 * Organizers only, folded away: voiding takes an issue out of every list, count, summary and
 * follow-up, on every phone, for good. It is for what should never have been logged (a test,
 * a duplicate, a broken phone's nonsense); the record and its timeline stay.
 */
export function VoidForm({ issue }: { issue: Issue }) {
  const session = useSession();
  const [reason, setReason] = useState('');
  return (
    <section class="card" aria-labelledby="void-title">
      <details>
        <summary>
          <h2 id="void-title" class="inline-heading">
            {t('Void this issue')}
          </h2>
        </summary>
        <p class="muted">
          {t(
            'Takes it out of every list, count, summary and follow-up on every phone. It stays in the issues export, marked voided, with your reason. This cannot be undone.',
          )}
        </p>
        <ChangeForm
          label={t('Void this issue')}
          submitLabel={t('Void issue')}
          savedMessage={t('Voided on this phone; every phone follows when it syncs.')}
          onSubmit={() => makeChange(session, 'voidIssue', { issueId: issue.id, reason })}
        >
          <TextArea
            label={t('Why void it?')}
            hint={t('For example: logged twice, or a test.')}
            value={reason}
            maxLength={textLimits.voidReason}
            onInput={setReason}
            required
          />
        </ChangeForm>
      </details>
    </section>
  );
}
