import { createHash } from 'node:crypto';
import { Agent, type AgentOptions } from 'node:https';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import webpush, { type RequestOptions, WebPushError } from 'web-push';
import { AppError } from '../../domain/app-error';
import { type PushPayload, pushPayloadSchema } from '../../domain/push-payload';
import { parseOrThrow } from '../../domain/validation';
import {
  type PushDeliveryRecord,
  readPushSubscriptions,
  recordPushDeliveries,
  type StoredPushSubscription,
} from '../repositories/push-subscription-repository';
import type { ServerDatabase } from '../storage/schema';
import { endpointProblem, guardedLookup } from './endpoint-guard';
import type { VapidKeys } from './vapid-keys';

export type PushResult = 'sent' | 'gone' | 'failed' | 'not-subscribed';

export interface PushOutcome {
  /** Accepted by the device's push service (it delivers when the phone is reachable, within the TTL). */
  sent: number;
  /** The push service said the subscription no longer exists (404/410); it was removed. */
  gone: number;
  /** Refused, timed out or unreachable; kept, with its failure counted. */
  failed: number;
  /** Devices with no subscription (or signed out): only the in-app alert can reach them. */
  notSubscribed: number;
  /** What happened for each device asked for. */
  byDevice: Map<string, PushResult>;
}

export interface SendOptions {
  /** How long the push service keeps trying to reach an offline phone, in seconds (default 30 minutes). */
  ttlSeconds?: number;
  /** RFC 8030 urgency; alerts are 'high' so a phone in power saving wakes for them. */
  urgency?: 'very-low' | 'low' | 'normal' | 'high';
}

export interface PushSenderOptions {
  db: Kysely<ServerDatabase>;
  vapid: VapidKeys & { subject: string };
  /** Send to private and loopback addresses too (tests with a push service on 127.0.0.1). */
  allowPrivateEndpoints: boolean;
  /** Sends in flight at once (default 32). */
  concurrency?: number;
  /** A push service that does not answer within this is counted as failed (default 10 s). */
  timeoutMs?: number;
  /** Extra TLS settings for the agent, e.g. the test push service's certificate authority. */
  tls?: Pick<AgentOptions, 'ca'>;
  log?: FastifyBaseLogger;
  now?: () => Date;
}

/** RFC 8291 payloads are at most 4 KB encrypted; leave room for the record's overhead. */
export const maxPayloadBytes = 3_000;
const defaultTtlSeconds = 30 * 60;
/** VAPID JWTs may live up to 24 hours (RFC 8292 §2); Apple refuses longer ones. */
const vapidLifetimeSeconds = 12 * 3600;
/**
 * The VAPID header is made by `vapidAuthorization` and passed as a header; web-push skips its own
 * signing when `vapidDetails` is falsy (its code says so; its types only allow undefined, which
 * would fall back to a process-wide key set elsewhere).
 */
const signedHere = { vapidDetails: null } as unknown as Pick<RequestOptions, 'vapidDetails'>;

/**
 * A Topic (RFC 8030 §5.4) per issue: a push service holding an undelivered alert for an issue
 * replaces it with a newer one for the same issue, so a phone coming back into signal gets the
 * latest, not a pile. Topics are at most 32 base64url characters; issue ids may be longer.
 */
export function topicOf(issueId: string): string {
  return createHash('sha256').update(`issue:${issueId}`).digest('base64url').slice(0, 32);
}

/**
 * Sends Web Push messages to devices through their browsers' push services (web-push does the
 * VAPID signature and the RFC 8291 encryption). One keep-alive HTTPS agent with a bounded number
 * of sockets, whose address lookup refuses private networks; a fixed number of sends in flight;
 * every outcome written back in one transaction per call.
 */
export class PushSender {
  private readonly agent: Agent;
  private readonly concurrency: number;
  private readonly timeoutMs: number;
  private readonly now: () => Date;
  private readonly vapidHeaders = new Map<string, { authorization: string; renewAt: number }>();

  constructor(private readonly options: PushSenderOptions) {
    this.concurrency = options.concurrency ?? 32;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.now = options.now ?? (() => new Date());
    this.agent = new Agent({
      keepAlive: true,
      maxSockets: this.concurrency,
      lookup: guardedLookup(options.allowPrivateEndpoints),
      ...options.tls,
    });
  }

  /** The VAPID public key phones subscribe with (base64url). */
  get publicKey(): string {
    return this.options.vapid.publicKey;
  }

  /**
   * Sends one payload to each of these devices that has a subscription. Never throws for a
   * device's failure (they are counted); throws `invalid` for a payload that is not one, and
   * whatever the database throws when the subscriptions cannot be read.
   */
  async notifyDevices(deviceIds: readonly string[], payload: PushPayload, options: SendOptions = {}): Promise<PushOutcome> {
    const body = JSON.stringify(parseOrThrow(pushPayloadSchema, payload, 'push payload'));
    if (Buffer.byteLength(body) > maxPayloadBytes) {
      throw new AppError(
        'invalid',
        `The push payload is ${Buffer.byteLength(body)} bytes; at most ${maxPayloadBytes} fit a push message.`,
      );
    }
    const subscriptions = await readPushSubscriptions(this.options.db, deviceIds);
    const byDevice = new Map<string, PushResult>(deviceIds.map((id) => [id, 'not-subscribed']));
    const requestOptions: RequestOptions = {
      ...signedHere,
      TTL: options.ttlSeconds ?? defaultTtlSeconds,
      urgency: options.urgency ?? 'high',
      topic: topicOf(payload.issueId),
      timeout: this.timeoutMs,
      agent: this.agent,
    };
    let next = 0;
    const worker = async () => {
      while (next < subscriptions.length) {
        const subscription = subscriptions[next++]!;
        byDevice.set(subscription.device_id, await this.sendOne(subscription, body, requestOptions));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, subscriptions.length) }, worker));

    const record: { succeeded: string[]; gone: StoredPushSubscription[]; failed: string[] } = {
      succeeded: [],
      gone: [],
      failed: [],
    };
    for (const subscription of subscriptions) {
      const result = byDevice.get(subscription.device_id);
      if (result === 'sent') record.succeeded.push(subscription.device_id);
      else if (result === 'gone') record.gone.push(subscription);
      else record.failed.push(subscription.device_id);
    }
    await this.record(record);
    const count = (result: PushResult) => [...byDevice.values()].filter((r) => r === result).length;
    return {
      sent: count('sent'),
      gone: count('gone'),
      failed: count('failed'),
      notSubscribed: count('not-subscribed'),
      byDevice,
    };
  }

  private async sendOne(subscription: StoredPushSubscription, body: string, options: RequestOptions): Promise<PushResult> {
    // Rows stored before the guard was switched on, or an IP literal (which skips the lookup).
    const problem = endpointProblem(subscription.endpoint, this.options.allowPrivateEndpoints);
    if (problem) {
      this.options.log?.warn({ deviceId: subscription.device_id }, `push not sent: ${problem}`);
      return 'failed';
    }
    try {
      await webpush.sendNotification(
        { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
        body,
        { ...options, headers: { Authorization: this.vapidAuthorization(subscription.endpoint) } },
      );
      return 'sent';
    } catch (error) {
      if (error instanceof WebPushError && (error.statusCode === 404 || error.statusCode === 410)) return 'gone';
      this.options.log?.warn(
        {
          deviceId: subscription.device_id,
          pushService: new URL(subscription.endpoint).host,
          status: error instanceof WebPushError ? error.statusCode : undefined,
          // privateAddressCode when the push service's name led only to private addresses.
          code: (error as NodeJS.ErrnoException).code,
          reason: error instanceof WebPushError ? error.body.slice(0, 200) : (error as Error).message,
        },
        'push not delivered',
      );
      return 'failed';
    }
  }

  /**
   * The VAPID `Authorization` header for a push service, made by web-push and kept until an hour
   * before its JWT expires: the JWT names only the push service's origin, the subject and the
   * expiry, and signing it afresh for every message took most of the time a message costs.
   */
  private vapidAuthorization(endpoint: string): string {
    const audience = new URL(endpoint).origin;
    const now = Date.now();
    const cached = this.vapidHeaders.get(audience);
    if (cached && cached.renewAt > now) return cached.authorization;
    const { publicKey, privateKey, subject } = this.options.vapid;
    const expires = Math.floor(now / 1000) + vapidLifetimeSeconds;
    const { Authorization } = webpush.getVapidHeaders(audience, subject, publicKey, privateKey, 'aes128gcm', expires);
    // A handful of push services in practice; the bound only guards against a flood of made-up ones.
    if (this.vapidHeaders.size >= 100) this.vapidHeaders.clear();
    this.vapidHeaders.set(audience, { authorization: Authorization, renewAt: now + (vapidLifetimeSeconds - 3600) * 1000 });
    return Authorization;
  }

  /** Bookkeeping must not turn a sent alert into a failed call: a database hiccup is logged. */
  private async record(record: PushDeliveryRecord): Promise<void> {
    try {
      await recordPushDeliveries(this.options.db, record, this.now().toISOString());
    } catch (error) {
      this.options.log?.error({ err: error }, 'could not record push deliveries');
    }
  }

  /** Closes the kept-alive connections to push services. */
  close(): void {
    this.agent.destroy();
  }
}
