import { describeDeviceTime } from '../../domain/device-time';
import type { Issue } from '../../domain/issue';
import { t } from '../i18n/messages';
import { storedText } from '../i18n/said';
import { formatWhen } from '../labels';
import { useSession } from '../session';

/** The issue's story, oldest first: who did what, when, in their own words. */
export function TimelineList({ issue }: { issue: Issue }) {
  const { event } = useSession();
  return (
    <section class="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('Timeline')}</h2>
      <ol class="timeline">
        {issue.timeline.map((entry) => (
          <li key={entry.id} class={`timeline__entry timeline__entry--${entry.kind}`}>
            <p class="timeline__head">
              <time dateTime={entry.at}>{formatWhen(entry.at, event.timezone)}</time> · {entry.by.name}: {storedText(entry)}
            </p>
            {entry.note && <p class="timeline__note">{entry.note}</p>}
            {entry.deviceAt && (
              <p class="timeline__clock">
                {t('The phone’s clock said {time}; shown is when it reached the server.', {
                  time: describeDeviceTime(entry.deviceAt),
                })}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
