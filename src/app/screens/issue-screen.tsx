import { Screen } from '../components/screen';

interface IssueScreenProps {
  id?: string;
}

export function IssueScreen({ id }: IssueScreenProps) {
  return (
    <Screen title="Issue">
      <p class="empty-state">
        Issue <code>{id}</code> is not on this phone. <a href="/queue">Back to the queue</a>
      </p>
    </Screen>
  );
}
