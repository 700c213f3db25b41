import { Screen } from '../components/screen';

export function QueueScreen() {
  return (
    <Screen title="Issue queue">
      <p class="empty-state">No issues on this phone yet.</p>
    </Screen>
  );
}
