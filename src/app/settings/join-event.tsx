import { useState } from 'preact/hooks';
import { readDeviceIdentity } from '../../db/device-repository';
import { switchStaff } from '../../db/staff-repository';
import { readSyncState } from '../../db/sync-state';
import { AppError } from '../../domain/app-error';
import { joinEvent } from '../../sync/api';
import { newId } from '../changes';
import { ChangeForm } from '../components/change-form';
import { TextField } from '../components/fields';
import { t } from '../i18n/messages';
import { useSession } from '../session';
import { requestSync } from '../sync-bridge';

/** Joining an event with the code a coordinator shows: from then on this phone syncs. */
export function JoinEvent({ initialCode = '' }: { initialCode?: string }) {
  const session = useSession();
  const [code, setCode] = useState(initialCode);
  // Until someone types, the name is whoever uses the phone now (known only once staff has loaded).
  const [typedName, setName] = useState<string | null>(null);
  const name = typedName ?? session.staff.current?.name ?? '';
  return (
    <ChangeForm
      label={t('Join your event')}
      submitLabel={t('Join')}
      primary
      savedMessage={t('Joined. Issues on this phone are being sent to the server.')}
      onSubmit={async () => {
        if (!name.trim()) throw new AppError('invalid', t('Type your name: it goes on every issue you log.'));
        const identity = await readDeviceIdentity(session.db);
        if (!identity) throw new AppError('storage-unavailable', t('This phone has no device id yet; reload Helptent.'));
        const staffId = session.staff.current?.name === name.trim() ? session.staff.current.id : newId();
        // Joining again (another role, say) proves it is this phone with the token it holds.
        const current = await readSyncState(session.db);
        const answer = await joinEvent(
          { code, deviceId: identity.deviceId, staffId, staffName: name.trim() },
          current?.token ?? null,
        );
        const { saveJoin } = await import('../../db/sync-repository');
        await saveJoin(
          session.db,
          {
            token: answer.token,
            role: answer.device.role,
            staffName: answer.device.staffName,
            eventId: answer.event.id,
            cursor: 0,
            lastSyncedAt: null,
            lastError: null,
          },
          answer.event,
        );
        await switchStaff(session.db, { id: staffId, name: answer.device.staffName, role: answer.device.role });
        // The code is spent for this phone: it should not linger in the address bar or history.
        if (window.location.hash.includes('code=')) history.replaceState(history.state, '', window.location.pathname);
        requestSync();
      }}
    >
      <TextField
        label={t('Join code')}
        hint={t('Shown by a coordinator, e.g. K7QM-2XWD-9R')}
        value={code}
        onInput={setCode}
        required
      />
      <TextField label={t('Your name')} value={name} onInput={setName} autoComplete="name" required />
    </ChangeForm>
  );
}
