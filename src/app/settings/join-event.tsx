import { useState } from 'preact/hooks';
import { readDeviceIdentity } from '../../db/device-repository';
import { switchStaff } from '../../db/staff-repository';
import { AppError } from '../../domain/app-error';
import type { FestivalEvent } from '../../domain/event';
import type { Role } from '../../domain/staff';
import { callServer } from '../../sync/http';
import { newId } from '../changes';
import { ChangeForm } from '../components/change-form';
import { TextField } from '../components/fields';
import { useSession } from '../session';
import { requestSync } from '../sync-bridge';

interface JoinAnswer {
  token: string;
  device: { id: string; role: Role; staffName: string };
  event: FestivalEvent;
}

/** Joining an event with the code a coordinator shows: from then on this phone syncs. */
export function JoinEvent({ initialCode = '' }: { initialCode?: string }) {
  const session = useSession();
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState(session.staff.current?.name ?? '');
  return (
    <ChangeForm
      label="Join your event"
      submitLabel="Join"
      primary
      savedMessage="Joined. Issues on this phone are being sent to the server."
      onSubmit={async () => {
        if (!name.trim()) throw new AppError('invalid', 'Type your name: it goes on every issue you log.');
        const identity = await readDeviceIdentity(session.db);
        if (!identity) throw new AppError('storage-unavailable', 'This phone has no device id yet; reload Helptent.');
        const staffId = session.staff.current?.name === name.trim() ? session.staff.current.id : newId();
        const answer = await callServer<JoinAnswer>('/api/join', {
          method: 'POST',
          body: JSON.stringify({ code, deviceId: identity.deviceId, staffId, staffName: name.trim() }),
        });
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
        requestSync();
      }}
    >
      <TextField label="Join code" hint="Shown by a coordinator, e.g. K7QM-2XWD-9R" value={code} onInput={setCode} required />
      <TextField label="Your name" value={name} onInput={setName} autoComplete="name" required />
    </ChangeForm>
  );
}
