import { useCallback, useEffect, useState } from 'preact/hooks';
import { readDeviceIdentity } from '../../db/device-repository';
import { countPendingChanges } from '../../db/pending-counts';
import { readRejections } from '../../db/rejection-repository';
import { readStorageStatus, requestPersistentStorage, type StorageStatus } from '../../db/storage-persistence';
import { readSyncState } from '../../db/sync-state';
import { appVersion } from '../../domain/app-version';
import { festivalLanguageOf } from '../../domain/festival-language';
import { ChoiceTiles } from '../components/fields';
import { RefusalNotice } from '../components/refusal-notice';
import { Screen } from '../components/screen';
import { roleLabels, StaffPicker } from '../components/staff-picker';
import { formatBytes } from '../format';
import { endonyms } from '../i18n/locales';
import { t, tn, translatedLabels } from '../i18n/messages';
import { useSession } from '../session';
import { useStore } from '../store';
import { checkForUpdate, offlineReady } from '../sw-bridge';
import { readTheme, saveTheme, type ThemeChoice } from '../theme';
import { useLiveQuery } from '../use-live-query';
import { AlertRulesSlot } from './alert-rules-slot';
import { AlertsSection } from './alerts-section';
import { DemoImport } from './demo-import';
import { DevicesList } from './devices-list';
import { DutySection } from './duty-section';
import { EventSettings } from './event-settings';
import { LanguageSection } from './language-section';
import { PhotoStorageSection } from './photo-storage-section';
import { SyncSection } from './sync-section';

function persistenceText(persisted: boolean | null): string {
  if (persisted === true) return t('Kept: the browser will not clear Helptent’s data to free space.');
  if (persisted === false)
    return t('Not guaranteed: the browser may clear Helptent’s data when space runs low or after a week unused.');
  return t('This browser cannot say whether it keeps Helptent’s data.');
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
      <h2 id="storage-title">{t('Storage on this phone')}</h2>
      {status ? (
        <dl class="facts">
          <dt>{t('Data kept')}</dt>
          <dd data-testid="persistence">{persistenceText(status.persisted)}</dd>
          <dt>{t('Used')}</dt>
          <dd data-testid="storage-usage">
            {status.usageBytes === null || status.quotaBytes === null
              ? t('unknown')
              : t('{used} of {quota} available to Helptent', {
                  used: formatBytes(status.usageBytes),
                  quota: formatBytes(status.quotaBytes),
                })}
          </dd>
        </dl>
      ) : (
        <p>{t('Reading storage…')}</p>
      )}
      {status?.persisted === false && (
        <button type="button" class="button" onClick={() => void askToKeep()}>
          {t('Ask the browser to keep Helptent’s data')}
        </button>
      )}
    </section>
  );
}

function AppSection() {
  const { db } = useSession();
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
      <h2 id="app-title">{t('App')}</h2>
      <dl class="facts">
        <dt>{t('Version')}</dt>
        <dd data-testid="app-version">{appVersion}</dd>
        <dt>{t('Works offline')}</dt>
        <dd>
          {isOfflineReady
            ? t('Yes: Helptent opens on this phone without signal.')
            : t('Not yet: keep this page open with signal for a moment.')}
        </dd>
        <dt>{t('Device id')}</dt>
        <dd>
          <code>{identity?.deviceId ?? '…'}</code>
        </dd>
      </dl>
      <button type="button" class="button" onClick={() => void check()} disabled={checking}>
        {checking ? t('Checking…') : t('Check for a new version')}
      </button>
    </section>
  );
}

const themeLabels: Record<ThemeChoice, string> = translatedLabels({
  system: 'Follow the phone',
  sunlight: 'Sunlight',
  night: 'Night',
});

function DisplaySection() {
  const [theme, setTheme] = useState(readTheme);
  return (
    <section aria-labelledby="display-title" class="card">
      <h2 id="display-title">{t('Display')}</h2>
      <ChoiceTiles
        legend={t('Theme')}
        compact
        value={theme}
        options={(Object.keys(themeLabels) as ThemeChoice[]).map((t) => ({ value: t, label: themeLabels[t] }))}
        onChange={(value) => {
          setTheme(value as ThemeChoice);
          saveTheme(value as ThemeChoice);
        }}
      />
    </section>
  );
}

function PeopleSection() {
  const { staff, role } = useSession();
  return (
    <section aria-labelledby="people-title" class="card">
      <h2 id="people-title">{t('Who is using this phone')}</h2>
      <p data-testid="current-staff">
        {staff.current ? `${staff.current.name} (${roleLabels[role]})` : t('Nobody yet: add yourself below.')}
      </p>
      <StaffPicker />
    </section>
  );
}

function ChangesSection() {
  const { db } = useSession();
  const waiting = useLiveQuery(() => countPendingChanges(db), [db]).data;
  return (
    <section aria-labelledby="changes-title" class="card">
      <h2 id="changes-title">{t('Changes on this phone')}</h2>
      <p data-testid="pending-changes">
        {waiting === undefined
          ? t('Counting…')
          : waiting === 0
            ? t('No changes waiting.')
            : tn(
                waiting,
                '{count} change is saved on this phone and waiting to be sent to the server.',
                '{count} changes are saved on this phone and waiting to be sent to the server.',
              )}
      </p>
    </section>
  );
}

function FestivalSection() {
  const { db, event, role } = useSession();
  const isCoordinator = role !== 'staff';
  // Changes to the settings are filed under no issue ('').
  const refusals = useLiveQuery(() => readRejections(db, ''), [db]).data ?? [];
  return (
    <section aria-labelledby="festival-title" class="card">
      <h2 id="festival-title">{t('Festival')}</h2>
      <RefusalNotice refusals={refusals} target="" describe={() => t('a change to the festival settings')} />
      {isCoordinator ? (
        <>
          <EventSettings />
          <DemoImport />
        </>
      ) : (
        <dl class="facts">
          <dt>{t('Name')}</dt>
          <dd>{event.name}</dd>
          <dt>{t('Timezone')}</dt>
          <dd>{event.timezone}</dd>
          <dt>{t('Day starts at')}</dt>
          <dd>{event.dayStartsAt}</dd>
          <dt>{t('Language of the festival')}</dt>
          <dd lang={festivalLanguageOf(event)}>{endonyms[festivalLanguageOf(event)]}</dd>
        </dl>
      )}
    </section>
  );
}

/** Organizers answer attendees' requests about their data (erasure, access) from a screen of its own. */
function AttendeeDataSection() {
  const { role } = useSession();
  if (role !== 'organizer') return null;
  return (
    <section aria-labelledby="attendee-data-title" class="card">
      <h2 id="attendee-data-title">{t('Attendee data')}</h2>
      <p>
        {t(
          'Find an attendee to export what is held about them or to erase them everywhere, and see how long personal data is kept.',
        )}
      </p>
      <a class="button" href="/attendee-data">
        {t('Open attendee data')}
      </a>
    </section>
  );
}

function DevicesSection() {
  const { db } = useSession();
  const sync = useLiveQuery(() => readSyncState(db), [db]).data;
  if (!sync || sync.role === 'staff') return null;
  return (
    <>
      <DevicesList sync={sync} />
      {sync.role === 'organizer' && (
        <section aria-labelledby="audit-title" class="card">
          <h2 id="audit-title">{t('Audit log')}</h2>
          <p>
            {t(
              'Who joined, was signed out, changed settings or exported attendee data, as the server recorded it. Needs signal.',
            )}
          </p>
          <a class="button" href="/audit">
            {t('Open the audit log')}
          </a>
        </section>
      )}
    </>
  );
}

export function SettingsScreen() {
  return (
    <Screen title={t('Settings')}>
      <SyncSection />
      <AlertsSection />
      <DutySection />
      <AlertRulesSlot />
      <DevicesSection />
      <AttendeeDataSection />
      <PeopleSection />
      <LanguageSection />
      <DisplaySection />
      <ChangesSection />
      <FestivalSection />
      <AppSection />
      <StorageSection />
      <PhotoStorageSection />
    </Screen>
  );
}
