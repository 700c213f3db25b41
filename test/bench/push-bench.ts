import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultEvent } from '../../src/domain/event';
import { issuePath } from '../../src/domain/push-payload';
import { createEvent } from '../../src/server/events/event-admin';
import { PushSender } from '../../src/server/push/push-sender';
import { loadVapidKeys } from '../../src/server/push/vapid-keys';
import { openStorage } from '../../src/server/storage/storage';
import type { ChildAnswer, ChildRequest } from './push/push-service-child';
import { type BenchRow, percentile, round } from './result';

const subscriptionCount = 2_000;
const rounds = 3;

function startChild(): Promise<{
  child: ChildProcess;
  ask: (request: ChildRequest) => Promise<ChildAnswer>;
  ready: ChildAnswer;
}> {
  const child = spawn(resolve('node_modules/.bin/tsx'), [resolve('test/bench/push/push-service-child.ts')], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<ChildAnswer>((done, fail) => {
      child.once('message', (answer) => done(answer as ChildAnswer));
      child.once('exit', (code) => fail(new Error(`the push service process ended (${code})`)));
    });
  const ask = (request: ChildRequest) => {
    const answer = next();
    child.send(request);
    return answer;
  };
  return next().then((ready) => ({ child, ask, ready }));
}

/**
 * Push notifications sent per second by one server instance to the test push service (goal
 * ≥ 500/s): 2,000 subscribed phones, one alert each, through the PushSender the alert engine
 * uses (VAPID signature and RFC 8291 encryption per message, 32 in flight, outcomes written back
 * to SQLite). The push service runs in its own process and checks and decrypts every message.
 */
export async function benchPush(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'helptent-bench-push-'));
  const storage = await openStorage({ kind: 'sqlite', file: join(dir, 'push.sqlite') });
  const { child, ask, ready } = await startChild();
  let sender: PushSender | undefined;
  try {
    if (ready.type !== 'ready') throw new Error('the push service did not start');
    const now = new Date();
    await createEvent(storage, defaultEvent('bench', 'Europe/Amsterdam'), now);
    const vapid = await loadVapidKeys(storage.db, null, now);
    const subscribed = await ask({ type: 'subscribe', count: subscriptionCount, applicationServerKey: vapid.publicKey });
    if (subscribed.type !== 'subscribed') throw new Error('no subscriptions');
    const deviceIds = subscribed.subscriptions.map((_, i) => `bench-device-${i}`);
    await storage.db.transaction().execute(async (trx) => {
      for (const [i, subscription] of subscribed.subscriptions.entries()) {
        const at = now.toISOString();
        await trx
          .insertInto('devices')
          .values({
            id: deviceIds[i]!,
            event_id: 'bench',
            staff_id: `staff-${i}`,
            staff_name: `Staff ${i}`,
            role: 'coordinator',
            token_hash: `bench-token-${i}`,
            last_mutation_id: 0,
            on_duty: 1,
            duty_zone_id: null,
            created_at: at,
            last_seen_at: null,
            last_pushed_at: null,
            last_pulled_at: null,
            revoked_at: null,
            user_agent: 'bench',
          })
          .execute();
        await trx
          .insertInto('push_subscriptions')
          .values({
            device_id: deviceIds[i]!,
            ...subscription.keys,
            endpoint: subscription.endpoint,
            created_at: at,
            last_success_at: null,
            failures: 0,
          })
          .execute();
      }
    });
    sender = new PushSender({
      db: storage.db,
      vapid: { ...vapid, subject: 'mailto:bench@helptent.example' },
      allowPrivateEndpoints: true,
      tls: { ca: ready.ca },
    });
    const payload = (n: number) => {
      const issueId = `0190f0e2-7a1c-7b4e-9a2d-${String(n).padStart(12, '0')}`;
      return {
        kind: 'alert' as const,
        alertId: `alert-${n}`,
        issueId,
        title: 'Urgent: lost child at Gate B',
        body: 'Boy, 6, red jacket, last seen at the Ferris wheel 14:02. Tap to open.',
        url: issuePath(issueId),
        at: new Date().toISOString(),
      };
    };
    // Warm up: connections, TLS sessions, JIT.
    await sender.notifyDevices(deviceIds.slice(0, 200), payload(0));

    const rates: number[] = [];
    const cpuPerMessage: number[] = [];
    let expected = 200;
    for (let r = 1; r <= rounds; r += 1) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const outcome = await sender.notifyDevices(deviceIds, payload(r));
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      cpuPerMessage.push((used.user + used.system) / 1000 / subscriptionCount);
      expected += subscriptionCount;
      if (outcome.sent !== subscriptionCount)
        throw new Error(`round ${r}: ${outcome.sent} of ${subscriptionCount} sent, ${outcome.failed} failed`);
      rates.push(subscriptionCount / seconds);
    }
    const counted = await ask({ type: 'count' });
    if (counted.type !== 'counted' || counted.delivered !== expected || counted.refused > 0) {
      throw new Error(
        `the push service accepted ${counted.type === 'counted' ? counted.delivered : '?'} of ${expected} (${counted.type === 'counted' ? counted.firstRefusal : ''})`,
      );
    }
    const median = percentile(rates, 50);
    return [
      {
        name: `push notifications sent per second by one server instance (${subscriptionCount.toLocaleString('en')} phones, goal ≥ 500)`,
        value: round(median, 0),
        unit: '/s',
      },
      {
        name: `push: one alert to ${subscriptionCount.toLocaleString('en')} phones, all accepted`,
        value: round(subscriptionCount / median, 2),
        unit: 's',
      },
      // With a core of its own: on a busy 2-core machine the wall-clock rate above shares the CPU
      // with the push service's decryption and whatever else runs.
      {
        name: 'push: server CPU per notification (encrypt, send, record)',
        value: round(percentile(cpuPerMessage, 50), 3),
        unit: 'ms',
      },
    ];
  } finally {
    sender?.close();
    child.send({ type: 'close' } satisfies ChildRequest);
    await new Promise((done) => (child.exitCode === null ? child.once('exit', done) : done(null)));
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
