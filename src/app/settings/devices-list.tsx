import { useEffect, useState } from 'preact/hooks';
import { readDeviceIdentity } from '../../db/device-repository';
import type { SyncState } from '../../db/sync-state';
import type { DeviceView } from '../../domain/sync-protocol';
import { listDevices, setDeviceSignedIn } from '../../sync/api';
import { errorMessage } from '../changes';
import { roleLabels } from '../components/staff-picker';
import { t, tn } from '../i18n/messages';
import { formatWhen } from '../labels';
import { useSession } from '../session';
import { useLiveQuery } from '../use-live-query';
import { useNow } from '../use-now';

/** A phone quiet this long while the event runs is worth a call on the radio. */
const quietAfterMinutes = 30;

/**
 * The event's devices as the server sees them, for coordinators: who has gone quiet. Organizers
 * can sign out a lost or stolen phone (its token stops working at once, and a join code does not
 * bring it back) and let a found one back in. Needs signal.
 */
export function DevicesList({ sync }: { sync: SyncState }) {
  const { db, event } = useSession();
  const now = useNow();
  const deviceId = useLiveQuery(() => readDeviceIdentity(db), [db]).data?.deviceId;
  const [devices, setDevices] = useState<DeviceView[] | null>(null);
  const [problem, setProblem] = useState('');
  const load = () =>
    listDevices(sync.token).then(
      (devices) => {
        setDevices(devices);
        setProblem('');
      },
      (error: unknown) => setProblem(errorMessage(error)),
    );
  useEffect(() => void load(), [sync.token]);
  const setSignedOut = async (device: DeviceView, signOut: boolean) => {
    if (
      signOut &&
      !window.confirm(
        t(
          'Sign out {name}’s device? It stops syncing at once, until you let it back in, and removes the attendee details it holds when it next reaches the server (what it has not sent stays on it).',
          { name: device.staffName },
        ),
      )
    ) {
      return;
    }
    try {
      await setDeviceSignedIn(sync.token, device.id, !signOut);
      await load();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  return (
    <section aria-labelledby="devices-title" class="card">
      <h2 id="devices-title">{t('Devices in this event')}</h2>
      {problem && (
        <p class="message message--error" role="alert">
          {problem}
        </p>
      )}
      {devices === null ? (
        !problem && <p class="loading">{t('Asking the server…')}</p>
      ) : (
        <ul class="device-list">
          {devices.map((d) => {
            const quietMinutes = d.lastSeenAt ? Math.round((now.getTime() - Date.parse(d.lastSeenAt)) / 60_000) : null;
            const quiet = !d.revokedAt && (quietMinutes === null || quietMinutes > quietAfterMinutes);
            return (
              <li key={d.id} class={quiet ? 'device device--quiet' : 'device'}>
                <span>
                  <strong>{d.staffName}</strong> ({roleLabels[d.role].toLowerCase()}) ·{' '}
                  {d.revokedAt
                    ? t('signed out')
                    : d.lastSeenAt
                      ? `${t('last synced {when}', { when: formatWhen(d.lastSeenAt, event.timezone, now) })}${quiet ? ` — ${t('quiet for {minutes} min', { minutes: quietMinutes ?? 0 })}` : ''}`
                      : t('never synced')}{' '}
                  · {tn(d.changesReceived, '{count} change sent', '{count} changes sent')}
                </span>
                {sync.role === 'organizer' && !d.revokedAt && d.id !== deviceId && (
                  <button type="button" class="button" onClick={() => void setSignedOut(d, true)}>
                    {t('Sign out {name}', { name: d.staffName })}
                  </button>
                )}
                {sync.role === 'organizer' && d.revokedAt && (
                  <button type="button" class="button" onClick={() => void setSignedOut(d, false)}>
                    {t('Let {name} back in', { name: d.staffName })}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" class="button" onClick={() => void load()}>
        {t('Refresh')}
      </button>
    </section>
  );
}
