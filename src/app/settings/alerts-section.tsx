import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { AppError } from '../../domain/app-error';
import { isAppleMobile, type PushAvailability } from '../../sync/push-availability';
import {
  type AlertsState,
  readAlertsState,
  refreshPushSubscription,
  turnOffAlerts,
  turnOnAlerts,
} from '../../sync/push-subscription';
import { msg, t } from '../i18n/messages';
import { useSession } from '../session';

/** What a phone without alerts misses, said the same way in every case. */
const whatYouMiss = msg(
  'Until then, alerts (urgent cases, lost persons, issues handed over to you) reach this phone only while Helptent is open on its screen: nothing rings in your pocket.',
);

/** Why this phone cannot get alerts while Helptent is closed, and what to do about it. */
function Impossible({ availability }: { availability: Exclude<PushAvailability['kind'], 'available' | 'blocked'> }) {
  const why: Record<typeof availability, ComponentChildren> = {
    'needs-home-screen': (
      <p>
        <strong>{t('On an iPhone, alerts need Helptent on the Home Screen.')}</strong>{' '}
        {t(
          'Add Helptent to your Home Screen: Share → Add to Home Screen, then open it from there (iOS 16.4 or later). Do it before you join: Helptent on the Home Screen keeps its own data, apart from Safari’s.',
        )}
      </p>
    ),
    'ios-too-old': (
      <p>
        <strong>{t('This iPhone’s iOS is older than 16.4')}</strong>
        {t(
          ', the first to let web apps send alerts. Update it (Settings → General → Software Update), then open Helptent from the Home Screen.',
        )}
      </p>
    ),
    insecure: (
      <p>
        <strong>{t('Helptent is open over http://')}</strong>
        {t(', and browsers allow alerts only over https://. Ask whoever runs the server for its https:// address and open that.')}
      </p>
    ),
    unsupported: (
      <p>
        <strong>{t('This browser cannot get alerts while Helptent is closed.')}</strong>{' '}
        {t(
          'On Android, use Chrome, Edge, Firefox or Samsung Internet; on an iPhone, add Helptent to the Home Screen from Safari.',
        )}
      </p>
    ),
  };
  return (
    <div class="message message--warning" data-testid="alerts-impossible">
      {why[availability]}
      <p>{t(whatYouMiss)}</p>
    </div>
  );
}

function Blocked({ apple }: { apple: boolean }) {
  return (
    <div class="message message--warning" data-testid="alerts-blocked">
      <p>
        <strong>{t('Blocked: notifications for Helptent are turned off on this phone.')}</strong>
      </p>
      <p>
        {t('To unblock them:')}{' '}
        {apple
          ? t('open the iPhone’s Settings → Notifications → Helptent, and turn on Allow Notifications.')
          : t(
              'tap the icon left of the address (or ⋮ → Settings → Site settings → Notifications), find this site and choose Allow. In Firefox: the padlock → Permissions.',
            )}{' '}
        {t('Then come back here.')}
      </p>
      <p>{t(whatYouMiss)}</p>
    </div>
  );
}

const failure = (error: unknown) =>
  error instanceof AppError ? error.message : t('Alerts could not be changed on this phone. Check the signal and try again.');

/**
 * Settings → "Alerts on this phone": whether alerts reach it while Helptent is closed or the phone
 * is locked (Web Push), and if not, why and what the person misses. Lazy with the Settings screen.
 */
export function AlertsSection() {
  const { db, joined } = useSession();
  const [state, setState] = useState<AlertsState | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const apple = isAppleMobile({ userAgent: navigator.userAgent, maxTouchPoints: navigator.maxTouchPoints ?? 0 });

  const read = useCallback(() => {
    readAlertsState(db).then(setState, (error: unknown) => setProblem(failure(error)));
  }, [db]);
  useEffect(() => {
    read();
    // The server may have dropped this phone's subscription (signed out and let back in); send it again.
    void refreshPushSubscription(db).catch(() => undefined);
    // Notifications unblocked in the phone's settings take effect when the person comes back.
    const onVisible = () => document.visibilityState === 'visible' && read();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [db, read]);

  const change = async (action: typeof turnOnAlerts) => {
    setBusy(true);
    setProblem('');
    try {
      await action(db);
    } catch (error) {
      setProblem(failure(error));
    } finally {
      setBusy(false);
      read();
    }
  };

  const availability = state?.availability;
  return (
    <section aria-labelledby="alerts-title" class="card">
      <h2 id="alerts-title">{t('Alerts on this phone')}</h2>
      {!state || !availability ? (
        <p>{t('Checking what this phone can do…')}</p>
      ) : availability.kind === 'blocked' ? (
        <Blocked apple={apple} />
      ) : availability.kind !== 'available' ? (
        // Said before joining too: an iPhone should be on the Home Screen before it joins.
        <Impossible availability={availability.kind} />
      ) : !joined ? (
        <p data-testid="alerts-state">{t('Alerts come from your event’s server: join your event first.')}</p>
      ) : state.on ? (
        <>
          <p class="message message--ok" data-testid="alerts-state">
            {t(
              'On: urgent cases, lost persons and issues handed over to you ring this phone even when Helptent is closed or the phone is locked.',
            )}
          </p>
          <button type="button" class="button" disabled={busy} onClick={() => void change(turnOffAlerts)}>
            {t('Turn off alerts on this phone')}
          </button>
        </>
      ) : (
        <>
          <p data-testid="alerts-state">
            {availability.permission === 'default'
              ? t(
                  'Off: alerts reach this phone only while Helptent is open on its screen. Turn them on to be alerted with the phone in your pocket; the phone asks whether Helptent may send notifications: choose Allow.',
                )
              : t(
                  'Off: alerts reach this phone only while Helptent is open on its screen. Turn them on to be alerted with the phone in your pocket.',
                )}
          </p>
          <button type="button" class="button button--primary" disabled={busy} onClick={() => void change(turnOnAlerts)}>
            {busy ? t('Turning on alerts…') : t('Turn on alerts on this phone')}
          </button>
        </>
      )}
      {problem && (
        <p class="message message--error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
