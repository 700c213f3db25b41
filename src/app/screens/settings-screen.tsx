import { useCallback, useEffect, useState } from 'preact/hooks';
import { readDeviceIdentity } from '../../db/device-repository';
import { readStorageStatus, requestPersistentStorage, type StorageStatus } from '../../db/storage-persistence';
import { appVersion } from '../../domain/app-version';
import { Screen } from '../components/screen';
import { formatBytes } from '../format';
import { useDatabase } from '../local-database';
import { useStore } from '../store';
import { checkForUpdate, offlineReady } from '../sw-bridge';
import { useLiveQuery } from '../use-live-query';

function persistenceText(persisted: boolean | null): string {
  if (persisted === true) return 'Kept: the browser will not clear Helptent’s data to free space.';
  if (persisted === false)
    return 'Not guaranteed: the browser may clear Helptent’s data when space runs low or after a week unused.';
  return 'This browser cannot say whether it keeps Helptent’s data.';
}

function StorageSection() {
  const [status, setStatus] = useState<StorageStatus | undefined>();
  const refresh = useCallback(() => void readStorageStatus().then(setStatus), []);
  useEffect(refresh, [refresh]);
  const askToKeep = async () => {
    await requestPersistentStorage();
    refresh();
  };
  return (
    <section aria-labelledby="storage-title" class="card">
      <h2 id="storage-title">Storage on this phone</h2>
      {status ? (
        <dl class="facts">
          <dt>Data kept</dt>
          <dd data-testid="persistence">{persistenceText(status.persisted)}</dd>
          <dt>Used</dt>
          <dd data-testid="storage-usage">
            {status.usageBytes === null || status.quotaBytes === null
              ? 'unknown'
              : `${formatBytes(status.usageBytes)} of ${formatBytes(status.quotaBytes)} available to Helptent`}
          </dd>
        </dl>
      ) : (
        <p>Reading storage…</p>
      )}
      {status?.persisted === false && (
        <button type="button" class="button" onClick={() => void askToKeep()}>
          Ask the browser to keep Helptent’s data
        </button>
      )}
    </section>
  );
}

function AppSection() {
  const db = useDatabase();
  const identity = useLiveQuery(() => readDeviceIdentity(db), [db]).data;
  const isOfflineReady = useStore(offlineReady);
  const [checking, setChecking] = useState(false);
  const check = async () => {
    setChecking(true);
    await checkForUpdate();
    setChecking(false);
  };
  return (
    <section aria-labelledby="app-title" class="card">
      <h2 id="app-title">App</h2>
      <dl class="facts">
        <dt>Version</dt>
        <dd data-testid="app-version">{appVersion}</dd>
        <dt>Works offline</dt>
        <dd>
          {isOfflineReady
            ? 'Yes: Helptent opens on this phone without signal.'
            : 'Not yet: keep this page open with signal for a moment.'}
        </dd>
        <dt>Device id</dt>
        <dd>
          <code>{identity?.deviceId ?? '…'}</code>
        </dd>
      </dl>
      <button type="button" class="button" onClick={() => void check()} disabled={checking}>
        {checking ? 'Checking…' : 'Check for a new version'}
      </button>
    </section>
  );
}

export function SettingsScreen() {
  return (
    <Screen title="Settings">
      <AppSection />
      <StorageSection />
    </Screen>
  );
}
