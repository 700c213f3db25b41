import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readDeviceIdentity } from '../../src/db/device-repository';
import { readIssue } from '../../src/db/issue-repository';
import { readSyncState } from '../../src/db/sync-state';
import { AppError } from '../../src/domain/app-error';
import { errorBodySchema } from '../../src/domain/sync-protocol';
import { actOnSignedOut } from '../../src/sync/signed-out';
import { backends, startTestServer, type TestServer } from './helpers';
import { deviceHeaders, joinAs, newUuid, pull, push, setUpEvent } from './sync-helpers';
import { change, joinTestPhone, phoneDatabases } from './test-phone';

let server: TestServer | undefined;
afterEach(async () => {
  for (const db of phoneDatabases.splice(0)) await db.delete();
  await server?.close();
  server = undefined;
});

describe.each(backends)('lost phones on %s', (backend) => {
  async function start() {
    server = await startTestServer({ backend });
    await setUpEvent(server.app);
    return server.app;
  }

  it('a signed-out device is told so by its reason on every request, still as a 401 that older apps read', async () => {
    const app = await start();
    const organizer = await joinAs(app, 'organizer', 'Jo');
    const sam = await joinAs(app, 'staff', 'Sam');
    await app.inject({ method: 'POST', url: `/api/devices/${sam.id}/revoke`, headers: deviceHeaders(organizer) });
    const answers = [
      await push(app, sam, []),
      await pull(app, sam),
      await app.inject({ method: 'GET', url: '/api/sync/pokes', headers: deviceHeaders(sam) }),
      await app.inject({ method: 'GET', url: '/api/me', headers: deviceHeaders(sam) }),
    ];
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(answer.json().error).toMatchObject({ kind: 'unauthorized', reason: 'signed-out' });
      expect(answer.json().error.message).toMatch(/organizer signed this phone out/);
    }
    // Another 401 (a token nobody knows) carries no reason: the phone keeps its data.
    const unknown = await app.inject({ method: 'GET', url: '/api/me', headers: deviceHeaders({ token: 'x'.repeat(43) }) });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.reason).toBeUndefined();
    // A reason a phone does not know yet reads as none, never as an unreadable error.
    const later = errorBodySchema.parse({ error: { kind: 'unauthorized', message: 'm', reason: 'from-a-later-server' } });
    expect(later.error).toEqual({ kind: 'unauthorized', message: 'm' });
  });

  it('any device signs itself out: its token stops working, every phone sees it signed out, and an organizer lets it back in', async () => {
    const app = await start();
    const organizer = await joinAs(app, 'organizer', 'Jo');
    const sam = await joinAs(app, 'staff', 'Sam');
    const { cursor } = (await pull(app, organizer, 0)).json();
    const signOut = (device: { token: string }) =>
      app.inject({ method: 'POST', url: '/api/devices/self/sign-out', headers: deviceHeaders(device) });

    const out = await signOut(sam);
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ signedOut: sam.id });
    // Signed out on purpose: the phone forgets it had joined (joined-marker.ts).
    expect(out.headers['set-cookie']).toMatch(/^helptent-joined=; Path=\/; Max-Age=0/);
    const refused = await push(app, sam, []);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.reason).toBe('signed-out');
    expect((await signOut(sam)).json().error).toMatchObject({ kind: 'unauthorized', reason: 'signed-out' });
    expect((await pull(app, organizer, cursor)).json().people).toEqual([
      expect.objectContaining({ name: 'Sam', signedIn: false }),
    ]);
    const devices = (await app.inject({ method: 'GET', url: '/api/devices', headers: deviceHeaders(organizer) })).json().devices;
    expect(devices.find((d: { id: string }) => d.id === sam.id).revokedAt).not.toBeNull();

    expect(
      (await app.inject({ method: 'POST', url: `/api/devices/${sam.id}/restore`, headers: deviceHeaders(organizer) })).statusCode,
    ).toBe(200);
    expect((await push(app, sam, [])).statusCode).toBe(200);
    // Without a token there is nobody to sign out.
    expect((await app.inject({ method: 'POST', url: '/api/devices/self/sign-out' })).statusCode).toBe(401);
  });

  it('a phone signed out removes its attendee data, keeps what it had not sent, and sends it once let back in', async () => {
    const app = await start();
    const organizer = await joinAs(app, 'organizer', 'Jo');
    const phone = await joinTestPhone(app, 'Sam');
    const synced = newUuid();
    const attendee = {
      name: 'Robin Jansen',
      email: 'robin@example.org',
      phone: '+31 6 1234 5678',
      ticketId: '',
      preferredChannel: 'sms',
    };
    await change(phone, 'createIssue', {
      id: synced,
      eventId: 'festival',
      category: 'other',
      summary: 'Robin lost keys, robin@example.org',
      attendee,
    });
    await phone.sync();
    const unsent = newUuid();
    await change(phone, 'createIssue', { id: unsent, eventId: 'festival', category: 'other', summary: 'Call Kim on 0687654321' });
    await change(phone, 'addNote', { issueId: synced, text: 'Robin rang from +31 6 1234 5678' });

    const deviceId = (await readDeviceIdentity(phone.db))!.deviceId;
    await app.inject({ method: 'POST', url: `/api/devices/${deviceId}/revoke`, headers: deviceHeaders(organizer) });
    const error = await phone.sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).reason).toBe('signed-out');
    const shown = await actOnSignedOut(phone.db, new Date());
    expect(shown.message).toMatch(/attendee details it held were removed/);

    const outside = JSON.stringify([
      await phone.db.issues.toArray(),
      await phone.db.queue.toArray(),
      await phone.db.queuePages.toArray(),
    ]);
    for (const leak of ['robin@example.org', '1234 5678', '0687654321', 'Robin']) expect(outside).not.toContain(leak);
    const kept = JSON.stringify(await phone.db.unsentChanges.toArray());
    expect(kept).toContain('0687654321');
    expect(kept).toContain('+31 6 1234 5678');
    expect(await readSyncState(phone.db)).toMatchObject({ signedOut: { by: 'organizer' }, cursor: 0 });

    await app.inject({ method: 'POST', url: `/api/devices/${deviceId}/restore`, headers: deviceHeaders(organizer) });
    await phone.sync();
    expect(await phone.db.unsentChanges.count()).toBe(0);
    // What it kept reached the server, and it fetched its issues whole again.
    expect((await readIssue(phone.db, unsent))?.summary).toBe('Call Kim on 0687654321');
    const back = await readIssue(phone.db, synced);
    expect(back?.attendee.email).toBe('robin@example.org');
    expect(back?.timeline.map((e) => e.note)).toContain('Robin rang from +31 6 1234 5678');
    expect((await readSyncState(phone.db))?.signedOut).toBeNull();
    const onServer = (await pull(app, organizer, 0)).json().issues.map((row: { issue: { id: string } }) => row.issue.id);
    expect(onServer).toEqual(expect.arrayContaining([synced, unsent]));
  });
});
