import { useState } from 'preact/hooks';
import type { Issue } from '../../domain/issue';
import { keepingEndsAt, keepingHasEnded } from '../../domain/lost-property-keeping';
import { hasRoleAtLeast } from '../../domain/staff';
import { makeChange } from '../changes';
import { ChangeForm } from '../components/change-form';
import { ChoiceTiles, TextField } from '../components/fields';
import { t } from '../i18n/messages';
import { formatWhen } from '../labels';
import { useSession } from '../session';
import { useNow } from '../use-now';

/**
 * After the organizer's keeping period, a coordinator posts an unclaimed item to its owner (an
 * address found inside it, a matched report far away) or disposes of it.
 */
export function DisposeForm({ issue }: { issue: Issue }) {
  const session = useSession();
  const now = useNow();
  const [how, setHow] = useState<'posted' | 'disposed'>('posted');
  const [note, setNote] = useState('');
  if (!hasRoleAtLeast(session.role, 'coordinator')) return null;
  const ends = keepingEndsAt(session.event);
  const mayDispose = keepingHasEnded(session.event, now);
  return (
    <section class="card" aria-labelledby="dispose-title">
      <h2 id="dispose-title">{t('Post or dispose of')}</h2>
      {!mayDispose && how === 'disposed' && (
        <p class="message message--warning">
          {t('The keeping period ends {when}; dispose of items only after that.', {
            when: ends ? formatWhen(ends, session.event.timezone, now) : t('after the festival'),
          })}
        </p>
      )}
      <ChangeForm
        label={t('Post or dispose of')}
        submitLabel={how === 'posted' ? t('Record posting') : t('Record disposal')}
        onSubmit={() => makeChange(session, 'disposeItem', { issueId: issue.id, how, note })}
      >
        <ChoiceTiles
          legend={t('What happened to it')}
          compact
          value={how}
          options={[
            { value: 'posted', label: t('Posted to its owner') },
            { value: 'disposed', label: t('Disposed of or donated') },
          ]}
          onChange={(value) => setHow(value as 'posted' | 'disposed')}
        />
        <TextField
          label={t('Note')}
          hint={how === 'posted' ? t('Carrier and tracking number.') : t('How, and where to, e.g. given to charity.')}
          value={note}
          onInput={setNote}
        />
      </ChangeForm>
    </section>
  );
}
