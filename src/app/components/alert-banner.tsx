import { useEffect, useRef, useState } from 'preact/hooks';
import { alertsToShow, putAlertAway, readAlerts } from '../../db/alert-repository';
import { readSyncState } from '../../db/sync-state';
import type { AlertView } from '../../domain/alerts';
import { AppError } from '../../domain/app-error';
import { acknowledgeAlert } from '../../sync/alerts';
import { errorMessage, makeChange } from '../changes';
import { t, tn } from '../i18n/messages';
import { alertWords } from '../i18n/said';
import { formatWhen } from '../labels';
import { useSession } from '../session';
import { requestSync } from '../sync-bridge';
import { useLiveQuery } from '../use-live-query';
import { useNow } from '../use-now';

/** A short two-tone signal: heard over a field's noise, over in a second. */
function ring(): void {
  try {
    const audio = new AudioContext();
    for (const [i, frequency] of [880, 660, 880].entries()) {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.value = 0.2;
      tone.connect(gain).connect(audio.destination);
      tone.start(audio.currentTime + i * 0.25);
      tone.stop(audio.currentTime + i * 0.25 + 0.2);
    }
    setTimeout(() => void audio.close(), 1500);
  } catch {
    // No sound on this phone (or not allowed before a tap): the banner and vibration remain.
  }
  navigator.vibrate?.([300, 150, 300, 150, 300]);
}

/**
 * The alert banner, above every screen: what happened where, "I'm on it", and who took it when
 * someone else did. It rings and vibrates once per new alert.
 */
export function AlertBanner() {
  const session = useSession();
  const now = useNow();
  const stored = useLiveQuery(() => readAlerts(session.db), [session.db]).data;
  const rung = useRef(new Set<string>());
  const shown = stored ? alertsToShow(stored) : [];
  const open = shown.filter((alert) => alert.ackedAt === null);
  useEffect(() => {
    const fresh = open.filter((alert) => !rung.current.has(alert.id));
    for (const alert of fresh) rung.current.add(alert.id);
    if (fresh.length > 0) ring();
  }, [open.map((alert) => alert.id).join()]);
  if (shown.length === 0) return null;
  return (
    <div class="alerts">
      {shown.slice(0, 3).map((alert) => (
        <AlertCard key={alert.id} alert={alert} timezone={session.event.timezone} now={now} />
      ))}
      {shown.length > 3 && <p class="alerts__more">{tn(shown.length - 3, '{count} more alert', '{count} more alerts')}</p>}
    </div>
  );
}

function AlertCard({ alert, timezone, now }: { alert: AlertView; timezone: string; now: Date }) {
  const session = useSession();
  const { title, body } = alertWords(alert);
  const [state, setState] = useState<{ busy: boolean; problem: string | null }>({ busy: false, problem: null });
  const onIt = async () => {
    setState({ busy: true, problem: null });
    try {
      const token = (await readSyncState(session.db))?.token;
      if (!token) throw new AppError('invalid', t('This phone has not joined an event, so it cannot answer alerts.'));
      const answer = await acknowledgeAlert(token, alert.id);
      if (answer.first) {
        await makeChange(session, 'acknowledgeAlert', {
          issueId: alert.issueId,
          alertId: alert.id,
          kind: alert.kind,
          raisedAt: alert.raisedAt,
        });
        await putAlertAway(session.db, alert.id);
      } else {
        setState({
          busy: false,
          problem: answer.alert.ackedBy
            ? t('{name} is already on it.', { name: answer.alert.ackedBy.name })
            : t('Someone is already on it.'),
        });
        requestSync();
      }
    } catch (error) {
      setState({ busy: false, problem: errorMessage(error) });
    }
  };
  if (alert.ackedAt !== null) {
    return (
      <div class="alert alert--taken" role="status">
        <p>
          <strong>{alert.ackedBy ? t('{name} is on it:', { name: alert.ackedBy.name }) : t('Someone is on it:')}</strong> {title}{' '}
          — {body}
        </p>
        <button type="button" class="button" onClick={() => void putAlertAway(session.db, alert.id)}>
          {t('OK')}
        </button>
      </div>
    );
  }
  return (
    <div class="alert" role="alert" aria-labelledby={`alert-${alert.id}`}>
      <p id={`alert-${alert.id}`}>
        <strong>{title}</strong>
        {alert.escalatedAt ? t(' (nobody answered yet)') : ''}: {body}
      </p>
      <p class="alert__when">{t('Raised {when}', { when: formatWhen(alert.raisedAt, timezone, now) })}</p>
      <div class="alert__actions">
        <button type="button" class="button button--primary" disabled={state.busy} onClick={() => void onIt()}>
          {t('I’m on it')}
        </button>
        <a class="button" href={`/issues/${alert.issueId}`}>
          {t('Open the issue')}
        </a>
      </div>
      {state.problem && <p class="alert__problem">{state.problem}</p>}
    </div>
  );
}
