import type { LookupAddress } from 'node:dns';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { issuePath, type PushPayload } from '../../src/domain/push-payload';
import { buildApp } from '../../src/server/app';
import { guardedLookup, isPrivateAddress, privateAddressCode } from '../../src/server/push/endpoint-guard';
import { PushSender, topicOf } from '../../src/server/push/push-sender';
import {
  canDeviceGetPushes,
  devicesReachableByPush,
  savePushSubscription,
} from '../../src/server/repositories/push-subscription-repository';
import { backends, startTestServer, type TestServer } from './helpers';
import { type PushService, startPushService, type TestSubscription } from './push-service';
import { deviceHeaders, joinAs, newUuid, setUpEvent, type TestDevice } from './sync-helpers';

let server: TestServer | undefined;
let service: PushService | undefined;
afterEach(async () => {
  await server?.close();
  await service?.close();
  server = undefined;
  service = undefined;
});

function alert(issueId = newUuid(), text: Partial<PushPayload> = {}): PushPayload {
  return {
    kind: 'alert',
    alertId: newUuid(),
    issueId,
    title: 'Urgent: lost child at Gate B',
    body: 'Logged 14:02 by Sam. Tap to open the issue.',
    url: issuePath(issueId),
    at: '2026-07-10T12:02:00.000Z',
    ...text,
  };
}

/** What the browser's PushSubscription.toJSON() gives. */
const asJson = (subscription: Pick<TestSubscription, 'endpoint' | 'keys'>) => ({
  endpoint: subscription.endpoint,
  expirationTime: null,
  keys: subscription.keys,
});

function putSubscription(app: FastifyInstance, device: TestDevice, body: unknown) {
  return app.inject({ method: 'PUT', url: '/api/push/subscription', headers: deviceHeaders(device), payload: body as object });
}

async function serverKey(app: FastifyInstance, device: TestDevice): Promise<string> {
  const response = await app.inject({ method: 'GET', url: '/api/push/key', headers: deviceHeaders(device) });
  expect(response.statusCode).toBe(200);
  return response.json().publicKey;
}

/** A phone that joined and subscribed the way the app does: the server's key, then PUT. */
async function subscribedPhone(
  app: FastifyInstance,
  pushService: PushService,
  name: string,
  role: 'staff' | 'coordinator' = 'coordinator',
) {
  const device = await joinAs(app, role, name);
  const subscription = pushService.subscribe(await serverKey(app, device));
  const response = await putSubscription(app, device, asJson(subscription));
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json()).toEqual({ subscribed: true });
  return { device, subscription };
}

describe.each(backends)('Web Push on %s', (backend) => {
  async function start(options: { allowPrivate?: boolean } = {}) {
    service = await startPushService();
    server = await startTestServer({
      backend,
      push: {
        allowPrivateEndpoints: options.allowPrivate ?? true,
        tls: { ca: service.ca },
        subject: 'mailto:ops@festival.example',
      },
    });
    await setUpEvent(server.app);
    return { app: server.app, pushService: service };
  }

  it('an alert reaches the phone’s push service signed with the server’s VAPID key, and only the phone’s keys read it', async () => {
    const { app, pushService } = await start();
    const { device, subscription } = await subscribedPhone(app, pushService, 'Coordinator Kim');
    const payload = alert();

    const outcome = await app.pushSender.notifyDevices([device.id], payload);

    expect(outcome).toMatchObject({ sent: 1, gone: 0, failed: 0, notSubscribed: 0 });
    expect(outcome.byDevice.get(device.id)).toBe('sent');
    expect(pushService.refused).toEqual([]);
    expect(pushService.delivered).toHaveLength(1);
    const delivered = pushService.delivered[0]!;
    expect(delivered.subscriptionId).toBe(subscription.id);
    expect(JSON.parse(delivered.payload)).toEqual(payload);
    expect(delivered.vapid).toMatchObject({
      aud: pushService.origin,
      sub: 'mailto:ops@festival.example',
      publicKey: app.pushSender.publicKey,
    });
    expect(delivered.vapid.exp).toBeGreaterThan(Date.now() / 1000);
    expect(delivered).toMatchObject({ ttl: 1800, urgency: 'high', topic: topicOf(payload.issueId) });
    const row = await app.storage.db
      .selectFrom('push_subscriptions')
      .selectAll()
      .where('device_id', '=', device.id)
      .executeTakeFirstOrThrow();
    expect(row.last_success_at).not.toBeNull();
    expect(Number(row.failures)).toBe(0);
  });

  it('sends to many phones at once and says which could not be reached', async () => {
    const { app, pushService } = await start();
    const phones = [];
    for (let i = 0; i < 12; i += 1) phones.push(await subscribedPhone(app, pushService, `Phone ${i}`));
    const unsubscribed = await joinAs(app, 'staff', 'No push');
    pushService.answer(phones[3]!.subscription.id, 500);

    const outcome = await app.pushSender.notifyDevices([...phones.map((p) => p.device.id), unsubscribed.id], alert(), {
      ttlSeconds: 60,
    });

    expect(outcome).toMatchObject({ sent: 11, gone: 0, failed: 1, notSubscribed: 1 });
    expect(outcome.byDevice.get(phones[3]!.device.id)).toBe('failed');
    expect(outcome.byDevice.get(unsubscribed.id)).toBe('not-subscribed');
    expect(pushService.delivered.every((d) => d.ttl === 60)).toBe(true);
    // A failure is counted and the subscription kept: the push service may be back for the next alert.
    const failing = await app.storage.db
      .selectFrom('push_subscriptions')
      .select('failures')
      .where('device_id', '=', phones[3]!.device.id)
      .executeTakeFirstOrThrow();
    expect(Number(failing.failures)).toBe(1);
    expect(await devicesReachableByPush(app.storage.db, [phones[3]!.device.id, unsubscribed.id])).toEqual(
      new Set([phones[3]!.device.id]),
    );
  });

  it('forgets a subscription the push service says is gone (410 or 404), and only that one', async () => {
    const { app, pushService } = await start();
    const gone = await subscribedPhone(app, pushService, 'Gone');
    const notFound = await subscribedPhone(app, pushService, 'Not found');
    const fine = await subscribedPhone(app, pushService, 'Fine');
    pushService.answer(gone.subscription.id, 410);
    pushService.answer(notFound.subscription.id, 404);

    const outcome = await app.pushSender.notifyDevices([gone.device.id, notFound.device.id, fine.device.id], alert());

    expect(outcome).toMatchObject({ sent: 1, gone: 2, failed: 0 });
    expect(await canDeviceGetPushes(app.storage.db, gone.device.id)).toBe(false);
    expect(await canDeviceGetPushes(app.storage.db, notFound.device.id)).toBe(false);
    expect(await canDeviceGetPushes(app.storage.db, fine.device.id)).toBe(true);
    const again = await app.pushSender.notifyDevices([gone.device.id, fine.device.id], alert());
    expect(again).toMatchObject({ sent: 1, gone: 0, notSubscribed: 1 });
  });

  it('gives up on a push service that does not answer in time, and keeps the subscription', async () => {
    const { app, pushService } = await start();
    const { device } = await subscribedPhone(app, pushService, 'Slow');
    pushService.delayAnswers(3_000);
    const sender = new PushSender({
      db: app.storage.db,
      vapid: { publicKey: app.pushSender.publicKey, ...(await storedPrivateKey(app)), subject: 'mailto:ops@festival.example' },
      allowPrivateEndpoints: true,
      tls: { ca: pushService.ca },
      timeoutMs: 300,
    });
    const started = Date.now();
    try {
      expect(await sender.notifyDevices([device.id], alert())).toMatchObject({ sent: 0, failed: 1 });
    } finally {
      sender.close();
    }
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(await canDeviceGetPushes(app.storage.db, device.id)).toBe(true);
  });

  it('keeps one subscription per device: a new one replaces the old, and deleting it stops pushes', async () => {
    const { app, pushService } = await start();
    const { device, subscription: first } = await subscribedPhone(app, pushService, 'Renewed');
    const second = pushService.subscribe(app.pushSender.publicKey);
    expect((await putSubscription(app, device, asJson(second))).statusCode).toBe(200);

    await app.pushSender.notifyDevices([device.id], alert());
    expect(pushService.delivered.map((d) => d.subscriptionId)).toEqual([second.id]);
    expect(pushService.delivered.some((d) => d.subscriptionId === first.id)).toBe(false);

    const remove = () => app.inject({ method: 'DELETE', url: '/api/push/subscription', headers: deviceHeaders(device) });
    expect((await remove()).json()).toEqual({ removed: true });
    expect((await remove()).json()).toEqual({ removed: false });
    expect(await app.pushSender.notifyDevices([device.id], alert())).toMatchObject({ sent: 0, notSubscribed: 1 });
  });

  it('gives an endpoint to the device that claims it last, so a phone that joined again is not alerted twice', async () => {
    const { app, pushService } = await start();
    const { device: before, subscription } = await subscribedPhone(app, pushService, 'Before');
    const after = await joinAs(app, 'coordinator', 'After');
    expect((await putSubscription(app, after, asJson(subscription))).statusCode).toBe(200);

    const outcome = await app.pushSender.notifyDevices([before.id, after.id], alert());
    expect(outcome).toMatchObject({ sent: 1, notSubscribed: 1 });
    expect(outcome.byDevice.get(after.id)).toBe('sent');
  });

  it('removes the subscription when the phone signs itself out or an organizer signs it out', async () => {
    const { app, pushService } = await start();
    const organizer = await joinAs(app, 'organizer', 'Org');
    const ending = await subscribedPhone(app, pushService, 'Ending shift', 'staff');
    const lost = await subscribedPhone(app, pushService, 'Lost phone', 'staff');

    const selfSignOut = await app.inject({
      method: 'POST',
      url: '/api/devices/self/sign-out',
      headers: deviceHeaders(ending.device),
    });
    expect(selfSignOut.statusCode).toBe(200);
    const revoke = await app.inject({
      method: 'POST',
      url: `/api/devices/${lost.device.id}/revoke`,
      headers: deviceHeaders(organizer),
    });
    expect(revoke.statusCode).toBe(200);

    expect(await devicesReachableByPush(app.storage.db, [ending.device.id, lost.device.id])).toEqual(new Set());
    expect(await app.pushSender.notifyDevices([ending.device.id, lost.device.id], alert())).toMatchObject({
      sent: 0,
      notSubscribed: 2,
    });
    expect(pushService.delivered).toEqual([]);
    // Signed out, the device cannot subscribe again until an organizer lets it back in.
    const resubscribe = await putSubscription(app, lost.device, asJson(lost.subscription));
    expect(resubscribe.statusCode).toBe(401);
  });

  it('never sends to a signed-out device, even if a subscription of it was left behind', async () => {
    const { app, pushService } = await start();
    const organizer = await joinAs(app, 'organizer', 'Org');
    const { device, subscription } = await subscribedPhone(app, pushService, 'Revoked');
    await app.inject({ method: 'POST', url: `/api/devices/${device.id}/revoke`, headers: deviceHeaders(organizer) });
    await savePushSubscription(app.storage.db, {
      device_id: device.id,
      endpoint: subscription.endpoint,
      p256dh: subscription.keys.p256dh,
      auth: subscription.keys.auth,
      created_at: new Date().toISOString(),
    });
    expect(await app.pushSender.notifyDevices([device.id], alert())).toMatchObject({ sent: 0, notSubscribed: 1 });
  });

  it('refuses bad subscriptions with a sentence naming what is wrong', async () => {
    const { app, pushService } = await start();
    const device = await joinAs(app, 'staff', 'Careless');
    const good = asJson(pushService.subscribe(app.pushSender.publicKey));
    const cases: [unknown, RegExp][] = [
      [{ ...good, endpoint: 'http://push.example.com/abc' }, /endpoint: must be an https:\/\/ address/],
      [{ ...good, endpoint: `https://push.example.com/${'a'.repeat(1000)}` }, /endpoint: must be at most 1000 characters/],
      [{ ...good, endpoint: 'not a url' }, /endpoint: must be an https:\/\/ address/],
      [{ ...good, endpoint: 'https://user:secret@push.example.com/abc' }, /endpoint: must be an https:\/\/ address/],
      [{ ...good, keys: { ...good.keys, p256dh: good.keys.p256dh.slice(0, 60) } }, /keys\.p256dh: must be a P-256 public key/],
      [{ ...good, keys: { ...good.keys, auth: 'c2hvcnQ' } }, /keys\.auth: must be 16 bytes in base64url/],
      [{ ...good, keys: { ...good.keys, p256dh: `B${'A'.repeat(86)}` } }, /p256dh is not a P-256 public key/],
      [{ endpoint: good.endpoint }, /keys: /],
      [{}, /endpoint: /],
      [['not', 'an', 'object'], /push subscription is not valid/],
    ];
    for (const [body, message] of cases) {
      const response = await putSubscription(app, device, body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.json().error.kind).toBe('invalid');
      expect(response.json().error.message).toMatch(message);
    }
    const notJson = await app.inject({
      method: 'PUT',
      url: '/api/push/subscription',
      headers: { ...deviceHeaders(device), 'content-type': 'application/json' },
      payload: '{"endpoint": ',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.kind).toBe('invalid');
    const anonymous = await app.inject({ method: 'PUT', url: '/api/push/subscription', payload: good });
    expect(anonymous.statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/push/key' })).statusCode).toBe(401);
    expect(await canDeviceGetPushes(app.storage.db, device.id)).toBe(false);
  });

  it('refuses endpoints on private or local networks unless told to allow them (SSRF)', async () => {
    const { app, pushService } = await start({ allowPrivate: false });
    const device = await joinAs(app, 'staff', 'Attacker');
    const keys = pushService.subscribe(app.pushSender.publicKey).keys;
    for (const endpoint of [
      pushService.origin,
      'https://localhost/push',
      'https://db.internal/push',
      'https://router/push',
      'https://10.1.2.3/push',
      'https://192.168.1.1:8443/push',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/push',
      'https://[fd00::1]/push',
      'https://[::ffff:127.0.0.1]/push',
      'https://0.0.0.0/push',
    ]) {
      const response = await putSubscription(app, device, { endpoint, keys });
      expect(response.statusCode, endpoint).toBe(400);
      expect(response.json().error.message).toBe(
        'The push endpoint is on a private or local network; Helptent only sends to public push services.',
      );
    }
    const publicService = await putSubscription(app, device, { endpoint: 'https://fcm.googleapis.com/fcm/send/abc:def', keys });
    expect(publicService.statusCode).toBe(200);

    // A private endpoint stored anyway (before the guard, by hand) is not sent to either.
    const victim = await joinAs(app, 'staff', 'Victim');
    const stored = pushService.subscribe(app.pushSender.publicKey);
    await savePushSubscription(app.storage.db, {
      device_id: victim.id,
      ...stored.keys,
      endpoint: stored.endpoint,
      created_at: new Date().toISOString(),
    });
    expect(await app.pushSender.notifyDevices([victim.id], alert())).toMatchObject({ sent: 0, failed: 1 });
    expect(pushService.delivered).toEqual([]);
    expect(pushService.refused).toEqual([]);
  });

  it('refuses payloads that are not alerts a lock screen may show', async () => {
    const { app, pushService } = await start();
    const { device } = await subscribedPhone(app, pushService, 'Strict');
    await expect(app.pushSender.notifyDevices([device.id], alert(undefined, { url: 'https://evil.example/' }))).rejects.toThrow(
      /url: must be a path in the app/,
    );
    await expect(app.pushSender.notifyDevices([device.id], alert(undefined, { url: '//evil.example/' }))).rejects.toThrow(/url/);
    await expect(app.pushSender.notifyDevices([device.id], alert(undefined, { body: 'x'.repeat(241) }))).rejects.toThrow(
      /body: must be at most 240/,
    );
    expect(pushService.delivered).toEqual([]);
  });

  it('limits how often one device may change its subscription, with a readable 429', async () => {
    const { app, pushService } = await start();
    const device = await joinAs(app, 'staff', 'Looping');
    const other = await joinAs(app, 'staff', 'Neighbour');
    const body = asJson(pushService.subscribe(app.pushSender.publicKey));
    const answers = [];
    for (let i = 0; i < 31; i += 1) answers.push((await putSubscription(app, device, body)).statusCode);
    expect(answers.slice(0, 30).every((s) => s === 200)).toBe(true);
    const limited = await putSubscription(app, device, body);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.kind).toBe('rate-limited');
    // Another phone behind the same address (the site's Wi-Fi) is not held back.
    expect((await putSubscription(app, other, asJson(pushService.subscribe(app.pushSender.publicKey)))).statusCode).toBe(200);
  });

  it('makes its VAPID keys once and keeps them across a restart on the same database', async () => {
    const { app } = await start();
    const device = await joinAs(app, 'staff', 'Steady');
    const first = await serverKey(app, device);
    expect(Buffer.from(first, 'base64url')).toHaveLength(65);
    await app.close();
    const reopened = await buildApp({ storage: server!.storage, staticDir: null });
    try {
      expect(await serverKey(reopened, device)).toBe(first);
      expect(reopened.pushSender.publicKey).toBe(first);
    } finally {
      await reopened.close();
    }
    // Configured keys win over the stored pair, and leave it as it was.
    const configured = webpush.generateVAPIDKeys();
    const withEnvKeys = await buildApp({ storage: server!.storage, staticDir: null, push: { vapidKeys: configured } });
    try {
      expect(await serverKey(withEnvKeys, device)).toBe(configured.publicKey);
    } finally {
      await withEnvKeys.close();
    }
    const withoutEnvKeys = await buildApp({ storage: server!.storage, staticDir: null });
    try {
      expect(withoutEnvKeys.pushSender.publicKey).toBe(first);
    } finally {
      await withoutEnvKeys.close();
    }
  });
});

/** The private half of the pair the server made, for a second sender in the same test. */
async function storedPrivateKey(app: FastifyInstance): Promise<{ privateKey: string }> {
  const row = await app.storage.db.selectFrom('push_keys').select('private_key').executeTakeFirstOrThrow();
  return { privateKey: row.private_key };
}

describe('the private-address guard of the push sender', () => {
  const resolveTo =
    (...addresses: string[]) =>
    (_host: string, callback: (error: Error | null, found: LookupAddress[]) => void) =>
      callback(
        null,
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
      );
  const lookup = (guard: ReturnType<typeof guardedLookup>, all: boolean) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
      guard('push.example.com', { all }, (error: NodeJS.ErrnoException | null, address: unknown) => resolve({ error, address })),
    );

  it('refuses a name that resolves only to private addresses, as a connection would ask for it', async () => {
    for (const all of [true, false]) {
      const { error } = await lookup(guardedLookup(false, resolveTo('127.0.0.1', '::1', '10.0.0.5')), all);
      expect(error?.code).toBe(privateAddressCode);
    }
  });

  it('connects only to the public addresses of a name that has both', async () => {
    const guard = guardedLookup(false, resolveTo('192.168.0.10', '142.250.74.106', 'fd00::2', '2a00:1450:4001:82b::200a'));
    expect((await lookup(guard, true)).address).toEqual([
      { address: '142.250.74.106', family: 4 },
      { address: '2a00:1450:4001:82b::200a', family: 6 },
    ]);
    expect((await lookup(guard, false)).address).toBe('142.250.74.106');
  });

  it('knows which addresses are private', () => {
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd12::1',
      '::ffff:10.0.0.1',
      '::ffff:7f00:1',
      '64:ff9b::10.0.0.1',
      'nonsense',
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of [
      '142.250.74.106',
      '17.253.144.10',
      '2a00:1450:4001:82b::200a',
      '64:ff9b::8efa:4a6a',
      '::ffff:142.250.74.106',
    ]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });
});
