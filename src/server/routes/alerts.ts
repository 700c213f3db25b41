import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isAlertRecipient, mayAcknowledgeAlert, mayReceiveAlertAbout } from '../../domain/alert-recipients';
import { alertAckAnswerSchema, alertsAnswerSchema } from '../../domain/alerts';
import { AppError } from '../../domain/app-error';
import type { Issue } from '../../domain/issue';
import { parseOrThrow } from '../../domain/validation';
import { addressOf, candidateOf } from '../alerts/alert-address';
import type { AlertDelivery } from '../alerts/alert-delivery';
import { authenticate } from '../auth/authenticate';
import { claimAlert, findAlert, listCurrentAlerts, toAlertView } from '../repositories/alert-repository';
import { readIssueRows } from '../repositories/issue-repository';
import type { Storage } from '../storage/storage';

/** Answered alerts stay on the others' lists this long, so they see who took it. */
export const answeredAlertShownMs = 10 * 60_000;
/** A phone's list: the newest alerts addressed to it. */
const alertsListed = 50;

const notFound = 'There is no alert with this id in your event.';

export function alertRoutes(app: FastifyInstance, storage: Storage, delivery: AlertDelivery): void {
  /** Issues as stored, parsed, by id: the recipient rule asks whether this device may hear of each case. */
  const issuesById = async (ids: string[]) => {
    const rows = await readIssueRows(storage.db, [...new Set(ids)]);
    return new Map([...rows].map(([id, row]) => [id, JSON.parse(row.data) as Issue]));
  };

  /**
   * The alerts addressed to this device now: open ones, and ones answered in the last ten minutes,
   * newest first. Every phone asks at every sync, so a phone that was offline when an alert was
   * sent shows it when it syncs, if it is still open.
   */
  app.get('/api/alerts', { config: { answer: alertsAnswerSchema } }, async (request, reply) => {
    const device = await authenticate(storage, request);
    const since = new Date(Date.now() - answeredAlertShownMs).toISOString();
    const candidate = candidateOf(device);
    const addressed = (await listCurrentAlerts(storage.db, device.event_id, since))
      .filter((row) => isAlertRecipient(addressOf(row), candidate))
      .slice(0, alertsListed * 2);
    const issues = addressed.length > 0 ? await issuesById(addressed.map((row) => row.issue_id)) : new Map<string, Issue>();
    const alerts = addressed
      .filter((row) => {
        const issue = issues.get(row.issue_id);
        return issue !== undefined && mayReceiveAlertAbout(candidate, issue);
      })
      .slice(0, alertsListed)
      .map(toAlertView);
    return reply.header('cache-control', 'no-store').send({ alerts });
  });

  /**
   * "I'm on it". The first answer takes the alert (one conditional update decides, on any number
   * of server instances); later ones hear who took it. The issue itself is changed by the
   * winner's phone (the acknowledgeAlert mutation), not here. The event's phones are poked so the
   * others' banners say who is on it.
   */
  app.post('/api/alerts/:id/ack', { config: { answer: alertAckAnswerSchema } }, async (request) => {
    const device = await authenticate(storage, request);
    const { id } = parseOrThrow(z.object({ id: z.string().min(1).max(100) }), request.params, 'alert');
    const alert = await findAlert(storage.db, id);
    if (!alert || alert.event_id !== device.event_id) throw new AppError('not-found', notFound);
    const candidate = candidateOf(device);
    const issue = (await issuesById([alert.issue_id])).get(alert.issue_id);
    if (!issue || !mayReceiveAlertAbout(candidate, issue)) throw new AppError('not-found', notFound);
    if (!mayAcknowledgeAlert(addressOf(alert), candidate)) {
      throw new AppError('forbidden', 'This alert is not addressed to you: a coordinator or the people alerted answer it.');
    }
    const at = new Date().toISOString();
    const first = await claimAlert(
      storage.db,
      id,
      { personId: device.staff_id, name: device.staff_name, deviceId: device.id },
      at,
    );
    const now = (await findAlert(storage.db, id))!;
    if (!first && now.acked_at === null) {
      throw new AppError('invalid-transition', 'This case was closed meanwhile: there is nothing left to answer.');
    }
    if (first) await delivery.poke([device.event_id]);
    return { first, alert: toAlertView(now) };
  });
}
