import { LocationProvider, lazy, Route, Router } from 'preact-iso';
import { CaptureScreen } from './capture/capture-screen';
import { AlertSlot } from './components/alert-slot';
import { CrashGuard } from './components/crash-guard';
import { NavBar } from './components/nav-bar';
import { PhoneNoticeSlot } from './components/phone-notice-slot';
import { SyncLine } from './components/sync-line';
import { UpdateBanner } from './components/update-banner';
import { t } from './i18n/messages';
import { useLocale } from './i18n/use-locale';
import { useDatabaseState } from './local-database';
import { CatchUpSlot } from './progress/catch-up-slot';
import { NotFoundScreen } from './screens/not-found-screen';
import { StorageUnavailableScreen } from './screens/storage-unavailable-screen';
import { SessionProvider } from './session';

// Only the log screen is in the first load: a phone opens on it, and staff need it in the first
// seconds. The rest come from the service worker's precache the moment they are opened, online
// or not (the queue too: its rows, filters and paging are most of the screen code).
const QueueScreen = lazy(() => import('./queue/queue-screen').then((m) => m.QueueScreen));
const SummaryScreen = lazy(() => import('./summary/summary-screen'));
const IssueScreen = lazy(() => import('./issue/issue-screen').then((m) => m.IssueScreen));
const SettingsScreen = lazy(() => import('./settings/settings-screen').then((m) => m.SettingsScreen));
const FollowUpScreen = lazy(() => import('./coordinator/follow-up-screen').then((m) => m.FollowUpScreen));
const PrRiskScreen = lazy(() => import('./coordinator/pr-risk-screen').then((m) => m.PrRiskScreen));
const AttendeeDataScreen = lazy(() => import('./settings/attendee-data-screen').then((m) => m.AttendeeDataScreen));
const AuditScreen = lazy(() => import('./settings/audit-screen').then((m) => m.AuditScreen));
const LostPropertyScreen = lazy(() => import('./lost-property/lost-property-screen').then((m) => m.LostPropertyScreen));
const ItemFormScreen = lazy(() => import('./lost-property/item-form').then((m) => m.ItemFormScreen));
const LostPersonFormScreen = lazy(() => import('./lost-person/lost-person-form').then((m) => m.LostPersonFormScreen));
const EvangelistsScreen = lazy(() => import('./coordinator/evangelists-screen').then((m) => m.EvangelistsScreen));

function Routes() {
  const locale = useLocale();
  const database = useDatabaseState();
  if (database.status === 'failed') return <StorageUnavailableScreen error={database.error} />;
  if (database.status === 'outdated') {
    return (
      <div class="banner banner--warning" role="alert">
        <p>{t('Helptent was updated in another tab. Reload this tab to keep working.')}</p>
        <button type="button" class="button button--primary" onClick={() => window.location.reload()}>
          {t('Reload this tab')}
        </button>
      </div>
    );
  }
  if (database.status === 'opening') return <p class="loading">{t('Opening Helptent…')}</p>;
  return (
    <SessionProvider db={database.db}>
      <SyncLine />
      <CatchUpSlot />
      <AlertSlot />
      <PhoneNoticeSlot />
      <CrashGuard>
        {/* The router keeps the screen it shows as it was; a new language renders it anew. */}
        <Router key={locale}>
          <Route path="/" component={CaptureScreen} />
          <Route path="/queue" component={QueueScreen} />
          <Route path="/issues/:id" component={IssueScreen} />
          <Route path="/lost-property" component={LostPropertyScreen} />
          <Route path="/lost-property/new/:kind" component={ItemFormScreen} />
          <Route path="/lost-person/new" component={LostPersonFormScreen} />
          <Route path="/summary" component={SummaryScreen} />
          <Route path="/settings" component={SettingsScreen} />
          <Route path="/follow-up" component={FollowUpScreen} />
          <Route path="/pr-risk" component={PrRiskScreen} />
          <Route path="/evangelists" component={EvangelistsScreen} />
          <Route path="/attendee-data" component={AttendeeDataScreen} />
          <Route path="/audit" component={AuditScreen} />
          <Route default component={NotFoundScreen} />
        </Router>
      </CrashGuard>
    </SessionProvider>
  );
}

export function App() {
  // Every string is read at render: a new language re-renders the whole tree from here.
  useLocale();
  return (
    <LocationProvider>
      <a class="skip-link" href="#main">
        {t('Skip to content')}
      </a>
      <header class="top-bar">
        <span class="brand">{t('Helptent')}</span>
      </header>
      <UpdateBanner />
      <main id="main">
        <Routes />
      </main>
      <NavBar />
    </LocationProvider>
  );
}
