import { useEffect, useState } from 'preact/hooks';
import type { SyncState } from '../../db/sync-state';
import { callServer } from '../../sync/http';
import { errorMessage } from '../changes';
import { formatWhen } from '../labels';
import { useSession } from '../session';
import { useNow } from '../use-now';

interface DeviceView {
  id: string;
  staffName: string;
  role: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  changesReceived: number;
}

/** A phone quiet this long while the event runs is worth a call on the radio. */
const quietAfterMinutes = 30;

/**
 * The event's devices as the server sees them, for coordinators: who has gone quiet. Organizers
 * can sign out a lost or stolen phone; its token stops working at once. Needs signal.
 */
export function DevicesList({ sync }: { sync: SyncState }) {
  const { event } = useSession();
  const now = useNow();
  const [devices, setDevices] = useState<DeviceView[] | null>(null);
  const [problem, setProblem] = useState('');
  const load = () =>
    callServer<{ devices: DeviceView[] }>('/api/devices', { token: sync.token }).then(
      (answer) => {
        setDevices(answer.devices);
        setProblem('');
      },
      (error: unknown) => setProblem(errorMessage(error)),
    );
  useEffect(() => void load(), [sync.token]);
  const revoke = async (device: DeviceView) => {
    if (!window.confirm(`Sign out ${device.staffName}'s device? It stops syncing at once and must join again.`)) return;
    try {
      await callServer(`/api/devices/${device.id}/revoke`, { method: 'POST', token: sync.token });
      await load();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  return (
    <section aria-labelledby="devices-title" class="card">
      <h2 id="devices-title">Devices in this event</h2>
      {problem && (
        <p class="message message--error" role="alert">
          {problem}
        </p>
      )}
      {devices === null ? (
        !problem && <p class="loading">Asking the server…</p>
      ) : (
        <ul class="device-list">
          {devices.map((d) => {
            const quietMinutes = d.lastSeenAt ? Math.round((now.getTime() - Date.parse(d.lastSeenAt)) / 60_000) : null;
            const quiet = !d.revokedAt && (quietMinutes === null || quietMinutes > quietAfterMinutes);
            return (
              <li key={d.id} class={quiet ? 'device device--quiet' : 'device'}>
                <span>
                  <strong>{d.staffName}</strong> ({d.role}) ·{' '}
                  {d.revokedAt
                    ? 'signed out'
                    : d.lastSeenAt
                      ? `last synced ${formatWhen(d.lastSeenAt, event.timezone, now)}${quiet ? ` — quiet for ${quietMinutes} min` : ''}`
                      : 'never synced'}{' '}
                  · {d.changesReceived} changes sent
                </span>
                {sync.role === 'organizer' && !d.revokedAt && (
                  <button type="button" class="button" onClick={() => void revoke(d)}>
                    Sign out {d.staffName}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" class="button" onClick={() => void load()}>
        Refresh
      </button>
    </section>
  );
}
