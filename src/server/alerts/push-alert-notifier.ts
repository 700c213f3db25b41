import type { FastifyBaseLogger } from 'fastify';
import type { AlertView } from '../../domain/alerts';
import { issuePath, maxPushBody, maxPushTitle, type PushPayload } from '../../domain/push-payload';
import { maxPayloadBytes, type PushSender } from '../push/push-sender';
import type { AlertNotifier } from './alert-notifier';

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text) || '—';

/** Alerts to phones whose app is closed, by Web Push; a failed send is logged, never thrown. */
export function pushAlertNotifier(sender: PushSender, log: FastifyBaseLogger): AlertNotifier {
  return {
    async notify(deviceIds: string[], alert: AlertView) {
      if (deviceIds.length === 0) return;
      const english: PushPayload = {
        kind: 'alert',
        alertId: alert.id,
        issueId: alert.issueId,
        title: clip(alert.title, maxPushTitle),
        body: clip(alert.body, maxPushBody),
        url: issuePath(alert.issueId),
        at: alert.raisedAt,
      };
      const said: PushPayload = alert.said ? { ...english, said: alert.said } : english;
      // The phrases ride along when they fit a push message; the English always does.
      const payload = Buffer.byteLength(JSON.stringify(said)) <= maxPayloadBytes ? said : english;
      try {
        await sender.notifyDevices(deviceIds, payload);
      } catch (error) {
        log.warn({ err: error, alertId: alert.id }, 'alert push failed');
      }
    },
  };
}
