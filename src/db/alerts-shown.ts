import type { AlertView } from '../domain/alerts';
import type { HelptentDatabase } from './database';

/**
 * Whether an alert is still to show; its own module because the slot on every screen asks it,
 * and the rest of the alert repository need not be in the first load.
 */
export const isShown =
  (stored: { putAway: string[] }) =>
  (alert: Pick<AlertView, 'id'>): boolean =>
    !stored.putAway.includes(alert.id);

/** The meta row the alerts are kept in (alert-repository.ts). */
export const alertsKey = 'alerts';

/** Whether any alert the phone was sent is still to show. */
export async function hasAlertsToShow(db: HelptentDatabase): Promise<boolean> {
  const row = await db.meta.get(alertsKey);
  const stored = row?.value as { alerts: AlertView[]; putAway: string[] } | undefined;
  return stored?.alerts.some(isShown(stored)) ?? false;
}
