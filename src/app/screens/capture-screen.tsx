import { Screen } from '../components/screen';

export function CaptureScreen() {
  return (
    <Screen title="Log an issue">
      <p class="empty-state">
        Logging attendee issues arrives in the next version of Helptent. This screen already works with no signal.
      </p>
    </Screen>
  );
}
