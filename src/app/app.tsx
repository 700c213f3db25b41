import { ErrorBoundary, LocationProvider, lazy, Route, Router } from 'preact-iso';
import { NavBar } from './components/nav-bar';
import { UpdateBanner } from './components/update-banner';
import { useDatabaseState } from './local-database';
import { CaptureScreen } from './screens/capture-screen';
import { IssueScreen } from './screens/issue-screen';
import { NotFoundScreen } from './screens/not-found-screen';
import { QueueScreen } from './screens/queue-screen';
import { SettingsScreen } from './screens/settings-screen';
import { StorageUnavailableScreen } from './screens/storage-unavailable-screen';

const SummaryScreen = lazy(() => import('./screens/summary-screen'));

function Routes() {
  const database = useDatabaseState();
  if (database.status === 'failed') return <StorageUnavailableScreen error={database.error} />;
  if (database.status === 'outdated') {
    return (
      <div class="banner banner--warning" role="alert">
        <p>Helptent was updated in another tab. Reload this tab to keep working.</p>
        <button type="button" class="button button--primary" onClick={() => window.location.reload()}>
          Reload this tab
        </button>
      </div>
    );
  }
  if (database.status === 'opening') return <p class="loading">Opening Helptent…</p>;
  return (
    <ErrorBoundary>
      <Router>
        <Route path="/" component={CaptureScreen} />
        <Route path="/queue" component={QueueScreen} />
        <Route path="/issues/:id" component={IssueScreen} />
        <Route path="/summary" component={SummaryScreen} />
        <Route path="/settings" component={SettingsScreen} />
        <Route default component={NotFoundScreen} />
      </Router>
    </ErrorBoundary>
  );
}

export function App() {
  return (
    <LocationProvider>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="top-bar">
        <span class="brand">Helptent</span>
      </header>
      <UpdateBanner />
      <main id="main">
        <Routes />
      </main>
      <NavBar />
    </LocationProvider>
  );
}
