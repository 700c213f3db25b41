import { storeAlerts } from '../db/alert-repository';
import type { HelptentDatabase } from '../db/database';
import { type AlertView, alertAckAnswerSchema, alertsAnswerSchema } from '../domain/alerts';
import { AppError } from '../domain/app-error';
import { type Call, callServer } from './http';

/**
 * Fetches the alerts addressed to this phone (open ones, and ones answered in the last minutes so
 * the others see who took them). Part of every sync, so a phone that was offline when an alert
 * was sent shows it when it syncs, if it is still open. A server without alerts answers 404:
 * the phone then simply has none.
 */
export async function refreshAlerts(db: HelptentDatabase, call: Call, token: string, now: Date): Promise<void> {
  try {
    const answer = await call('/api/alerts', alertsAnswerSchema, { token });
    await storeAlerts(db, answer.alerts, now.toISOString());
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not-found') return;
    throw error;
  }
}

/** "I'm on it": tells the server first; true when this phone answered before anyone else. */
export async function acknowledgeAlert(token: string, alertId: string): Promise<{ first: boolean; alert: AlertView }> {
  return callServer(`/api/alerts/${encodeURIComponent(alertId)}/ack`, alertAckAnswerSchema, { method: 'POST', token, body: {} });
}
