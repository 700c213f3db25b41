import { Screen } from '../components/screen';

export function NotFoundScreen() {
  return (
    <Screen title="Page not found">
      <p>
        Helptent has no page at this address. <a href="/">Go to logging</a>
      </p>
    </Screen>
  );
}
