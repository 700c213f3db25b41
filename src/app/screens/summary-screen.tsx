import { Screen } from '../components/screen';

/** Loaded on demand: coordinators open it, staff rarely do, so it stays out of the first load. */
export default function SummaryScreen() {
  return (
    <Screen title="Day summary">
      <p class="empty-state">No issues logged today on this phone, so there is nothing to summarise yet.</p>
    </Screen>
  );
}
