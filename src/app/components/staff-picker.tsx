import { useState } from 'preact/hooks';
import { switchStaff } from '../../db/staff-repository';
import { AppError } from '../../domain/app-error';
import { type Role, roles } from '../../domain/staff';
import { newId } from '../changes';
import { useSession } from '../session';
import { ChangeForm } from './change-form';
import { SelectField, TextField } from './fields';

const roleLabels: Record<Role, string> = { staff: 'Staff', coordinator: 'Coordinator', organizer: 'Organizer' };

/**
 * Who is using this phone. Until sign-in arrives with sync, people name themselves; a shared
 * phone switches between recent users with one tap.
 */
export function StaffPicker() {
  const session = useSession();
  const { current, recent } = session.staff;
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('staff');
  const others = recent.filter((m) => m.id !== current?.id);
  return (
    <div class="staff-picker">
      {others.length > 0 && (
        <section aria-labelledby="switch-title">
          <h2 id="switch-title">{current ? 'Switch to' : 'Who is using this phone?'}</h2>
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
      <ChangeForm
        label="Add a person to this phone"
        submitLabel={current ? 'Switch to this person' : 'Start logging'}
        primary={!current}
        savedMessage="Saved on this phone."
        onSubmit={async () => {
          const trimmed = name.trim();
          if (!trimmed) throw new AppError('invalid', 'Type your name first.');
          await switchStaff(session.db, { id: newId(), name: trimmed.slice(0, 100), role });
        }}
        onSaved={() => setName('')}
      >
        <TextField label="Your name" value={name} onInput={setName} autoComplete="name" required />
        <SelectField
          label="Your role"
          value={role}
          options={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
          onChange={(value) => setRole(value as Role)}
        />
      </ChangeForm>
    </div>
  );
}

export { roleLabels };
