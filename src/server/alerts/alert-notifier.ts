import type { AlertView } from '../../domain/alerts';

/**
 * Reaches phones whose app is closed (Web Push). The alert engine calls it for the recipients of
 * each alert it raises or escalates, after the change is committed and without holding up the
 * push that raised it. Open apps learn of alerts by a poke and fetch them; this is the other way in.
 */
export interface AlertNotifier {
  notify(deviceIds: string[], alert: AlertView): Promise<void>;
}

/** For tests and servers without push: open apps still get every alert at their next sync (the poke). */
export const silentAlertNotifier: AlertNotifier = { notify: async () => {} };
