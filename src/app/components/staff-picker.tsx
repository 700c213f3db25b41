import { useState } from 'preact/hooks';
import { switchStaff } from '../../db/staff-repository';
import { AppError } from '../../domain/app-error';
import { type Role, roles } from '../../domain/staff';
import { newId } from '../changes';
import { t, translatedLabels } from '../i18n/messages';
import { useSession } from '../session';
import { ChangeForm } from './change-form';
import { SelectField, TextField } from './fields';

const roleLabels: Record<Role, string> = translatedLabels({ staff: 'Staff', coordinator: 'Coordinator', organizer: 'Organizer' });

/**
 * Who is using this phone. On a phone that joined an event, the people who joined on it (a
 * shared phone switches between them with one tap; someone new joins with a code), and what the
 * phone allows follows the role the server granted it. A phone that never joined is on its own:
 * people name themselves and say their role.
 */
export function StaffPicker() {
  const session = useSession();
  const { current, recent } = session.staff;
  const choices = session.joined
    ? session.people
        .filter((p) => p.deviceId === session.deviceId && p.signedIn)
        .map((p) => ({ id: p.id, name: p.name, role: p.role }))
    : recent;
  const others = choices.filter((m) => m.id !== current?.id);
  return (
    <div class="staff-picker">
      {others.length > 0 && (
        <section aria-labelledby="switch-title">
          <h2 id="switch-title">{current ? t('Switch to') : t('Who is using this phone?')}</h2>
          <ul class="button-list">
            {others.map((member) => (
              <li key={member.id}>
                <button type="button" class="button" onClick={() => void switchStaff(session.db, member)}>
                  {member.name} <span class="muted">({roleLabels[member.role]})</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {session.joined ? (
        <p class="muted">{t('Someone else on this phone? They join with a code of their own, in the Sync section above.')}</p>
      ) : (
        <AddPersonForm hasCurrent={current !== null} />
      )}
    </div>
  );
}

function AddPersonForm({ hasCurrent }: { hasCurrent: boolean }) {
  const session = useSession();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('staff');
  return (
    <ChangeForm
      label={t('Add a person to this phone')}
      submitLabel={hasCurrent ? t('Switch to this person') : t('Start logging')}
      primary={!hasCurrent}
      savedMessage={t('Saved on this phone.')}
      onSubmit={async () => {
        const trimmed = name.trim();
        if (!trimmed) throw new AppError('invalid', t('Type your name first.'));
        await switchStaff(session.db, { id: newId(), name: trimmed.slice(0, 100), role });
      }}
      onSaved={() => setName('')}
    >
      <TextField label={t('Your name')} value={name} onInput={setName} autoComplete="name" required />
      <SelectField
        label={t('Your role')}
        hint={t('Until this phone joins your event; from then on the event decides.')}
        value={role}
        options={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
        onChange={(value) => setRole(value as Role)}
      />
    </ChangeForm>
  );
}

export { roleLabels };
