import { afterEach, describe, expect, it } from 'vitest';
import { normalizeJoinCode } from '../../src/server/auth/secrets';
import { createJoinCode } from '../../src/server/events/event-admin';
import { backends, startTestServer, type TestServer } from './helpers';
import { joinAs, newJoinCode, newUuid, setUpEvent } from './sync-helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each(backends)('joining an event on %s', (backend) => {
  async function start() {
    server = await startTestServer({ backend });
    await setUpEvent(server.app);
    return server.app;
  }

  function join(app: TestServer['app'], code: string, deviceId = newUuid()) {
    return app.inject({ method: 'POST', url: '/api/join', payload: { code, deviceId, staffId: 'staff-jo', staffName: 'Jo' } });
  }

  it('an organizer code works once, typed any way, and gives a long random token', async () => {
    const app = await start();
    const { code } = await createJoinCode(app.storage, {
      eventId: 'festival',
      role: 'organizer',
      singleUse: true,
      validMinutes: 60,
      createdBy: null,
      now: new Date(),
    });
    const typed = ` ${code.toLowerCase().replaceAll('-', ' ')} `;
    const first = await join(app, typed);
    expect(first.statusCode).toBe(200);
    const { token, device, event } = first.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    expect(device.role).toBe('organizer');
    expect(event.id).toBe('festival');
    // A marker that outlives Safari wiping the site's storage: no token, no device id in it.
    expect(first.headers['set-cookie']).toMatch(/^helptent-joined=1; Path=\/; Max-Age=\d+; SameSite=Strict$/);
    const second = await join(app, code);
    expect(second.statusCode).toBe(401);
    expect(second.json().error.message).toBe('This join code is not valid or has expired. Ask a coordinator for a new one.');
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().device).toMatchObject({ role: 'organizer', staffName: 'Jo' });
  });

  it('an expired or made-up code is refused', async () => {
    const app = await start();
    const { code } = await createJoinCode(app.storage, {
      eventId: 'festival',
      role: 'staff',
      singleUse: false,
      validMinutes: 5,
      createdBy: null,
      now: new Date(Date.now() - 10 * 60_000),
    });
    expect((await join(app, code)).statusCode).toBe(401);
    expect((await join(app, 'AAAA-BBBB-CC')).statusCode).toBe(401);
    const malformed = await app.inject({ method: 'POST', url: '/api/join', payload: { code: 'x' } });
    expect(malformed.statusCode).toBe(400);
  });

  it('staff cannot hand out join codes; coordinators can, but not for organizers', async () => {
    const app = await start();
    const staff = await joinAs(app, 'staff', 'Sam');
    const coordinator = await joinAs(app, 'coordinator', 'Alex');
    const ask = (token: string, role: string) =>
      app.inject({ method: 'POST', url: '/api/join-codes', headers: { authorization: `Bearer ${token}` }, payload: { role } });
    expect((await ask(staff.token, 'staff')).statusCode).toBe(403);
    const made = await ask(coordinator.token, 'staff');
    expect(made.statusCode).toBe(200);
    expect(made.json().code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    expect((await join(app, made.json().code)).statusCode).toBe(200);
    expect((await ask(coordinator.token, 'organizer')).statusCode).toBe(403);
  });

  it('coordinators see devices and when they last synced; only organizers revoke', async () => {
    const app = await start();
    const staff = await joinAs(app, 'staff', 'Sam');
    const coordinator = await joinAs(app, 'coordinator', 'Alex');
    const list = await app.inject({
      method: 'GET',
      url: '/api/devices',
      headers: { authorization: `Bearer ${coordinator.token}` },
    });
    expect(
      list
        .json()
        .devices.map((d: { staffName: string }) => d.staffName)
        .sort(),
    ).toEqual(['Alex', 'Sam']);
    expect(
      (await app.inject({ method: 'GET', url: '/api/devices', headers: { authorization: `Bearer ${staff.token}` } })).statusCode,
    ).toBe(403);
    const revoke = await app.inject({
      method: 'POST',
      url: `/api/devices/${staff.id}/revoke`,
      headers: { authorization: `Bearer ${coordinator.token}` },
    });
    expect(revoke.statusCode).toBe(403);
  });

  it('a phone joins again only with the token it holds, and a signed-out phone only comes back when an organizer lets it', async () => {
    const app = await start();
    const organizer = await joinAs(app, 'organizer', 'Jo');
    const other = await joinAs(app, 'staff', 'Kim');
    const staffCode = await newJoinCode(app, 'staff');
    const deviceId = newUuid();
    const joinWith = (joinCode: string, token?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/join',
        headers: token ? { authorization: `Bearer ${token}` } : {},
        payload: { code: joinCode, deviceId, staffId: 'staff-sam', staffName: 'Sam' },
      });
    const me = (token: string) => app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    const asOrganizer = (action: string, id = deviceId) =>
      app.inject({
        method: 'POST',
        url: `/api/devices/${id}/${action}`,
        headers: { authorization: `Bearer ${organizer.token}` },
      });

    const first = (await joinWith(staffCode)).json().token as string;
    // Someone who only knows the phone's id and a join code cannot take its place.
    const hijack = await joinWith(staffCode);
    expect(hijack.statusCode).toBe(403);
    expect(hijack.json().error.message).toMatch(/Another phone already uses this device id/);
    expect((await joinWith(staffCode, other.token)).statusCode).toBe(403);
    expect((await me(first)).statusCode).toBe(200);

    // The phone itself, with its token, may take on another role.
    const promoted = await joinWith(await newJoinCode(app, 'coordinator'), first);
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json().device).toMatchObject({ id: deviceId, role: 'coordinator' });
    const second = promoted.json().token as string;
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);

    // Signed out, it stays out whatever code it brings, until an organizer lets it back in.
    expect((await asOrganizer('revoke')).statusCode).toBe(200);
    expect((await me(second)).statusCode).toBe(401);
    const back = await joinWith(staffCode, second);
    expect(back.statusCode).toBe(403);
    expect(back.json().error.message).toMatch(/signed this phone out.*let it back in/);
    expect((await asOrganizer('restore')).statusCode).toBe(200);
    expect((await me(second)).json().device).toMatchObject({ id: deviceId, role: 'coordinator' });
    expect((await asOrganizer('restore')).statusCode).toBe(404);
    expect((await asOrganizer('revoke', organizer.id)).statusCode).toBe(400);
  });

  it('join attempts are rate-limited', async () => {
    const app = await start();
    const codes: number[] = [];
    for (let i = 0; i < 11; i += 1) codes.push((await join(app, 'AAAA-BBBB-CC')).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes[10]).toBe(429);
  });
});

describe('join codes', () => {
  it('forgive spaces, case and look-alike letters', () => {
    expect(normalizeJoinCode('k7qm 2xwd 9r')).toBe('K7QM-2XWD-9R');
    expect(normalizeJoinCode('K7QM-2XWD-9R')).toBe('K7QM-2XWD-9R');
    expect(normalizeJoinCode('o1lI-2XWD-9R')).toBe('0111-2XWD-9R');
  });
});
