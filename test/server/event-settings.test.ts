import { afterEach, describe, expect, it } from 'vitest';
import { backends, startTestServer, type TestServer } from './helpers';
import { createArgs, joinAs, mutation, pull, pullAll, push, setUpEvent } from './sync-helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each(backends)('festival settings on %s', (backend) => {
  async function start() {
    server = await startTestServer({ backend });
    await setUpEvent(server.app);
    return server.app;
  }

  it('a coordinator renames a zone and moves the day start: every phone receives it, with who changed what', async () => {
    const app = await start();
    const coordinator = await joinAs(app, 'coordinator', 'Alex');
    const phone = await joinAs(app, 'staff', 'Sam');
    const inTent = createArgs('Lost bag', { zoneId: 'dance-tent' });
    await push(app, phone, [mutation(phone, 'createIssue', inTent)]);
    const { cursor } = await pullAll(app, phone);
    const first = (await pull(app, phone, 0)).json();
    const zones = first.event.zones.map((z: { id: string; name: string }) =>
      z.id === 'dance-tent' ? { ...z, name: 'Big top' } : z,
    );
    const answer = await push(app, coordinator, [
      mutation(coordinator, 'changeEventSettings', { dayStartsAt: '05:00', name: 'Dijkdrift 2026' }),
      mutation(coordinator, 'setZones', { zones }),
    ]);
    expect(answer.json()).toEqual({ lastMutationId: 2, refused: [] });
    const page = (await pull(app, phone, cursor)).json();
    expect(page.event).toMatchObject({ name: 'Dijkdrift 2026', dayStartsAt: '05:00' });
    expect(page.event.zones.find((z: { id: string }) => z.id === 'dance-tent').name).toBe('Big top');
    expect(page.event.changes.map((c: { by: { name: string }; text: string }) => [c.by.name, c.text])).toEqual([
      ['Alex', 'Festival settings: name “Festival” → “Dijkdrift 2026”; day starts at 06:00 → 05:00'],
      ['Alex', 'Festival settings: zone “Dance tent” renamed to “Big top”'],
    ]);
    // The issue keeps its zone through the rename.
    expect((await pullAll(app, phone)).issues[0].issue.zoneId).toBe('dance-tent');
    // A pull after it no longer carries the settings: they did not change again.
    expect((await pull(app, phone, page.cursor)).json().event).toBeUndefined();
  });

  it('a zone that still has issues cannot be removed, with a sentence saying so; an empty one can', async () => {
    const app = await start();
    const coordinator = await joinAs(app, 'coordinator', 'Alex');
    await push(app, coordinator, [mutation(coordinator, 'createIssue', createArgs('Lost bag', { zoneId: 'car-park' }))]);
    const { event } = (await pull(app, coordinator, 0)).json();
    const without = (id: string) => event.zones.filter((z: { id: string }) => z.id !== id);
    const refused = (await push(app, coordinator, [mutation(coordinator, 'setZones', { zones: without('car-park') })])).json();
    expect(refused.refused).toEqual([
      expect.objectContaining({
        kind: 'invalid-transition',
        message:
          'The zone “Car park” still has 1 issue, so it cannot be removed. Rename it instead, or move its issues to another zone first.',
      }),
    ]);
    const accepted = (await push(app, coordinator, [mutation(coordinator, 'setZones', { zones: without('info-tent') })])).json();
    expect(accepted.refused).toEqual([]);
    const after = (await pull(app, coordinator, 0)).json().event;
    expect(after.zones.map((z: { id: string }) => z.id)).toContain('car-park');
    expect(after.zones.map((z: { id: string }) => z.id)).not.toContain('info-tent');
  });

  it('a staff phone cannot change the settings, whatever role its person claims', async () => {
    const app = await start();
    const phone = await joinAs(app, 'staff', 'Sam');
    const before = (await pull(app, phone, 0)).json();
    const answer = (await push(app, phone, [mutation(phone, 'changeEventSettings', { name: 'Mine now' })])).json();
    expect(answer.refused).toEqual([
      expect.objectContaining({
        kind: 'forbidden',
        message: 'Only coordinators and organizers can change the festival settings.',
      }),
    ]);
    // The phone had applied it to its own copy: the next pull brings the server's settings back.
    const page = (await pull(app, phone, before.cursor)).json();
    expect(page.event.name).toBe('Festival');
  });

  it('settings are validated: a timezone that does not exist or a day start that is not a time is refused', async () => {
    const app = await start();
    const coordinator = await joinAs(app, 'coordinator', 'Alex');
    const answer = (
      await push(app, coordinator, [
        mutation(coordinator, 'changeEventSettings', { timezone: 'Mars/Olympus' }),
        mutation(coordinator, 'changeEventSettings', { dayStartsAt: '25:00' }),
      ])
    ).json();
    expect(answer.refused.map((r: { kind: string; message: string }) => r.kind)).toEqual(['invalid', 'invalid']);
    expect(answer.refused[0].message).toMatch(/timezone/);
    expect((await pull(app, coordinator, 0)).json().event).toMatchObject({ timezone: 'Europe/Amsterdam', dayStartsAt: '06:00' });
  });
});
