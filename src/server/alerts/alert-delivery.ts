import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import {
  type AlertCandidate,
  isAlertRecipient,
  isEscalationRecipient,
  mayReceiveAlertAbout,
} from '../../domain/alert-recipients';
import type { Issue } from '../../domain/issue';
import { toAlertView } from '../repositories/alert-repository';
import { listOnDutyDevices } from '../repositories/device-repository';
import { readLastChangeSeq } from '../repositories/event-repository';
import type { AlertsTable, ServerDatabase } from '../storage/schema';
import type { Pokes } from '../sync/pokes';
import { addressOf, candidateOf } from './alert-address';
import type { AlertNotifier } from './alert-notifier';
import type { NewAlert } from './raise-alerts';

/** Why phones are told: a new alert goes to all its recipients, an escalation to those it now aims at. */
export type AlertNews = 'raised' | 'escalated';

/** Whether this device is told of this news: addressed to it, and allowed to hear of the case. */
export function reachesDevice(row: AlertsTable, issue: Issue, candidate: AlertCandidate, news: AlertNews = 'raised'): boolean {
  const addressed = news === 'raised' ? isAlertRecipient : isEscalationRecipient;
  return addressed(addressOf(row), candidate) && mayReceiveAlertAbout(candidate, issue);
}

/** The devices each alert's news reaches now, from one read of the event's on-duty devices per event. */
export async function recipientsOf(
  db: Kysely<ServerDatabase>,
  alerts: NewAlert[],
  news: AlertNews,
): Promise<Map<string, string[]>> {
  const byEvent = new Map<string, Awaited<ReturnType<typeof listOnDutyDevices>>>();
  const recipients = new Map<string, string[]>();
  for (const { row, issue } of alerts) {
    let devices = byEvent.get(row.event_id);
    if (!devices) {
      devices = await listOnDutyDevices(db, row.event_id);
      byEvent.set(row.event_id, devices);
    }
    const reached = devices.filter((d) => reachesDevice(row, issue, candidateOf(d), news));
    recipients.set(
      row.id,
      reached.map((d) => d.id),
    );
  }
  return recipients;
}

/**
 * Gets alerts to people once they are committed: open apps by a poke (they sync and fetch
 * /api/alerts), the alert's recipients poked ahead of everyone else so their syncs are not queued
 * behind the whole event's; closed apps through the notifier (Web Push). Never throws: a
 * delivery that fails is logged, and phones still see the alert at their next sync.
 */
export class AlertDelivery {
  constructor(
    private readonly db: Kysely<ServerDatabase>,
    private readonly pokes: Pokes,
    private readonly notifier: AlertNotifier,
    private readonly log: FastifyBaseLogger,
  ) {}

  /**
   * Open phones of these events sync now (a new, escalated or answered alert is on their list).
   * `changeSeq` when the caller knows it (a push); otherwise the event's last one is read.
   */
  async poke(eventIds: Iterable<string>, first: readonly string[] = [], changeSeq?: number): Promise<void> {
    for (const eventId of new Set(eventIds)) {
      try {
        this.pokes.poke(eventId, changeSeq ?? (await readLastChangeSeq(this.db, eventId)), first);
      } catch (error) {
        this.log.error({ err: error, eventId }, 'could not poke the phones of an event about an alert');
      }
    }
  }

  /** Alerts just raised or escalated: their recipients are poked first, then everyone, then notified. */
  async announce(alerts: NewAlert[], news: AlertNews, changeSeq?: number): Promise<void> {
    if (alerts.length === 0) return;
    let recipients = new Map<string, string[]>();
    try {
      recipients = await recipientsOf(this.db, alerts, news);
    } catch (error) {
      this.log.error({ err: error }, 'could not work out whom new alerts are for; every open phone is poked');
    }
    for (const eventId of new Set(alerts.map(({ row }) => row.event_id))) {
      const first = alerts.filter(({ row }) => row.event_id === eventId).flatMap(({ row }) => recipients.get(row.id) ?? []);
      await this.poke([eventId], [...new Set(first)], changeSeq);
    }
    await Promise.all(
      alerts.map(async ({ row }) => {
        const deviceIds = recipients.get(row.id) ?? [];
        if (deviceIds.length === 0) return;
        try {
          await this.notifier.notify(deviceIds, toAlertView(row));
        } catch (error) {
          this.log.error({ err: error, alertId: row.id }, 'the alert notifier failed; open phones still get the alert');
        }
      }),
    );
  }
}
