import type { AlertView } from '../domain/alerts';
import { alertsKey, isShown } from './alerts-shown';
import type { HelptentDatabase } from './database';

/**
 * The alerts this phone was sent, as the server listed them at the last sync, and the ones the
 * person answered or put away here. Kept in the meta table: a few dozen at most, read whole.
 */
export interface StoredAlerts {
  fetchedAt: string;
  alerts: AlertView[];
  /** Alert ids answered ("I'm on it") or dismissed on this phone: never shown again. */
  putAway: string[];
}

const key = alertsKey;

export async function readAlerts(db: HelptentDatabase): Promise<StoredAlerts> {
  const row = await db.meta.get(key);
  return (row?.value as StoredAlerts | undefined) ?? { fetchedAt: '', alerts: [], putAway: [] };
}

/** The server's list replaces the last; answered ids are kept while their alerts are listed. */
export async function storeAlerts(db: HelptentDatabase, alerts: AlertView[], now: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const current = await readAlerts(db);
    const listed = new Set(alerts.map((alert) => alert.id));
    await db.meta.put({ key, value: { fetchedAt: now, alerts, putAway: current.putAway.filter((id) => listed.has(id)) } });
  });
}

export async function putAlertAway(db: HelptentDatabase, alertId: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const current = await readAlerts(db);
    if (current.putAway.includes(alertId)) return;
    await db.meta.put({ key, value: { ...current, putAway: [...current.putAway, alertId] } });
  });
}

/** Alerts still to show: open ones first (oldest first), then ones someone else just took. */
export function alertsToShow(stored: StoredAlerts): AlertView[] {
  const shown = stored.alerts.filter(isShown(stored));
  return [...shown.filter((a) => a.ackedAt === null), ...shown.filter((a) => a.ackedAt !== null)];
}
