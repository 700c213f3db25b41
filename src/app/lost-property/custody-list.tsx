import type { Issue } from '../../domain/issue';
import { t } from '../i18n/messages';
import { storedText } from '../i18n/said';
import { formatWhen } from '../labels';
import { useSession } from '../session';
import { useNow } from '../use-now';
import { custodyLabels } from './labels';

/** The item's chain of custody: the custody steps of its timeline, oldest first. */
export function CustodyList({ issue }: { issue: Issue }) {
  const { event } = useSession();
  const now = useNow();
  const steps = issue.timeline.filter((entry) => entry.custody !== undefined);
  return (
    <section class="card" aria-labelledby="custody-title">
      <h2 id="custody-title">{t('Chain of custody')}</h2>
      <ol class="custody">
        {steps.map((step) => (
          <li key={step.id}>
            <strong>{custodyLabels[step.custody!]}</strong> · {formatWhen(step.at, event.timezone, now)} · {step.by.name}
            <br />
            {storedText(step)}
            {step.note && ` — ${step.note}`}
          </li>
        ))}
      </ol>
    </section>
  );
}
