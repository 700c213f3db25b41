import { useState } from 'preact/hooks';
import type { Issue } from '../../domain/issue';
import { makeChange } from '../changes';
import { ChangeForm } from '../components/change-form';
import { TextField } from '../components/fields';
import { t } from '../i18n/messages';
import { useSession } from '../session';

/** Put a found item in a bin, or move it: each is a step of its chain of custody. */
export function StoreForm({ issue }: { issue: Issue }) {
  const session = useSession();
  const [storage, setStorage] = useState('');
  const stored = (issue.lostProperty?.storage ?? '') !== '';
  return (
    <ChangeForm
      label={stored ? t('Move to another bin') : t('Store the item')}
      submitLabel={stored ? t('Move') : t('Store')}
      onSaved={() => setStorage('')}
      onSubmit={() => makeChange(session, 'storeItem', { issueId: issue.id, storage })}
    >
      <TextField
        label={stored ? t('Move to bin or shelf') : t('Store in bin or shelf')}
        value={storage}
        onInput={setStorage}
        required
      />
    </ChangeForm>
  );
}
