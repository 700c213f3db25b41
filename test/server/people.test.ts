import { afterEach, describe, expect, it } from 'vitest';
import { backends, startTestServer, type TestServer } from './helpers';
import { deviceHeaders, joinAs, pull, setUpEvent } from './sync-helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each(backends)('the people directory on %s', (backend) => {
  async function start() {
    server = await startTestServer({ backend });
    await setUpEvent(server.app);
    return server.app;
  }

  it('everyone who joined reaches every phone, with their role; later pages carry only who changed', async () => {
    const app = await start();
    const sam = await joinAs(app, 'staff', 'Sam');
    const alex = await joinAs(app, 'coordinator', 'Alex');
    const first = (await pull(app, sam, 0)).json();
    expect(first.people.map((p: { name: string; role: string; signedIn: boolean }) => [p.name, p.role, p.signedIn])).toEqual([
      ['Alex', 'coordinator', true],
      ['Sam', 'staff', true],
    ]);
    expect(first.people.find((p: { name: string }) => p.name === 'Alex').deviceId).toBe(alex.id);
    expect((await pull(app, sam, first.cursor)).json().people).toEqual([]);
    await joinAs(app, 'staff', 'Kim');
    expect((await pull(app, sam, first.cursor)).json().people.map((p: { name: string }) => p.name)).toEqual(['Kim']);
  });

  it('a device signed out shows its person as signed out on every phone, and back in when let back in', async () => {
    const app = await start();
    const organizer = await joinAs(app, 'organizer', 'Jo');
    const sam = await joinAs(app, 'staff', 'Sam');
    const { cursor } = (await pull(app, organizer, 0)).json();
    await app.inject({ method: 'POST', url: `/api/devices/${sam.id}/revoke`, headers: deviceHeaders(organizer) });
    const out = (await pull(app, organizer, cursor)).json();
    expect(out.people).toEqual([expect.objectContaining({ name: 'Sam', signedIn: false })]);
    await app.inject({ method: 'POST', url: `/api/devices/${sam.id}/restore`, headers: deviceHeaders(organizer) });
    expect((await pull(app, organizer, out.cursor)).json().people).toEqual([
      expect.objectContaining({ name: 'Sam', signedIn: true }),
    ]);
  });

  it('a phone that holds no directory yet asks for all of it, whatever its cursor', async () => {
    const app = await start();
    const sam = await joinAs(app, 'staff', 'Sam');
    await joinAs(app, 'coordinator', 'Alex');
    const { cursor } = (await pull(app, sam, 0)).json();
    expect((await pull(app, sam, cursor)).json().people).toEqual([]);
    expect((await pull(app, sam, cursor, '&directory=all')).json().people).toHaveLength(2);
  });

  it('each pull tells the phone the role the server grants its device', async () => {
    const app = await start();
    const sam = await joinAs(app, 'staff', 'Sam');
    expect((await pull(app, sam, 0)).json().device).toEqual({ id: sam.id, role: 'staff', staffName: 'Sam' });
  });
});
