import { afterEach, describe, expect, it } from 'vitest';
import { festivalEventSchema } from '../../src/domain/event-schema';
import { festivalLanguageOf } from '../../src/domain/festival-language';
import { readEventJson } from '../../src/server/repositories/event-repository';
import { backends, startTestServer, type TestServer } from './helpers';
import { deviceHeaders, joinAs, mutation, pull, push, setUpEvent } from './sync-helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each(backends)('the language of the festival on %s', (backend) => {
  async function start() {
    server = await startTestServer({ backend });
    await setUpEvent(server.app);
    return server.app;
  }

  it('a coordinator sets it: every phone receives it with the settings, and the change list says who', async () => {
    const app = await start();
    const coordinator = await joinAs(app, 'coordinator', 'Alex');
    const phone = await joinAs(app, 'staff', 'Sam');
    const { cursor } = (await pull(app, phone, 0)).json();
    const answer = (await push(app, coordinator, [mutation(coordinator, 'changeEventSettings', { language: 'de' })])).json();
    expect(answer).toEqual({ lastMutationId: 1, refused: [] });
    const page = (await pull(app, phone, cursor)).json();
    expect(page.event.language).toBe('de');
    expect(page.event.changes.at(-1)).toMatchObject({ by: { name: 'Alex' }, text: 'Festival settings: language Dutch → German' });
    // A phone joining later, and /api/me, carry it too (both answers are checked against the protocol).
    const later = await joinAs(app, 'staff', 'Kim');
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: deviceHeaders(later) });
    expect(me.statusCode).toBe(200);
    expect(me.json().event.language).toBe('de');
  });

  it('a staff phone cannot set it, whatever its person claims', async () => {
    const app = await start();
    const phone = await joinAs(app, 'staff', 'Sam');
    const answer = (await push(app, phone, [mutation(phone, 'changeEventSettings', { language: 'fr' })])).json();
    expect(answer.refused).toEqual([
      expect.objectContaining({
        kind: 'forbidden',
        message: 'Only coordinators and organizers can change the festival settings.',
      }),
    ]);
    expect((await pull(app, phone, 0)).json().event.language).toBeUndefined();
  });

  it('a language Helptent does not speak is refused, naming the ones it does; the setting stays as it was', async () => {
    const app = await start();
    const coordinator = await joinAs(app, 'coordinator', 'Alex');
    const answer = (
      await push(app, coordinator, [
        mutation(coordinator, 'changeEventSettings', { language: 'es' }),
        mutation(coordinator, 'changeEventSettings', { language: 'it' }),
        mutation(coordinator, 'changeEventSettings', { language: 'NL' }),
      ])
    ).json();
    expect(answer.refused).toEqual([
      expect.objectContaining({
        mutationId: 2,
        kind: 'invalid',
        message:
          'The settings change is not valid — language: must be one of the languages Helptent speaks: en (English), nl (Dutch), de (German), fr (French), es (Spanish).',
      }),
      expect.objectContaining({ mutationId: 3, kind: 'invalid' }),
    ]);
    expect((await pull(app, coordinator, 0)).json().event.language).toBe('es');
  });

  it('an event from before the setting has none: phones read its timezone’s language, and changes from older apps leave it so', async () => {
    const app = await start();
    expect(await readEventJson(app.storage.db, 'festival')).not.toContain('"language"');
    const coordinator = await joinAs(app, 'coordinator', 'Alex');
    // An app from before the setting sends its settings without a language.
    await push(app, coordinator, [
      mutation(coordinator, 'changeEventSettings', { name: 'Dijkdrift 2026', dayStartsAt: '05:00' }),
    ]);
    const event = (await pull(app, coordinator, 0)).json().event;
    expect(event).toMatchObject({ name: 'Dijkdrift 2026' });
    expect(event).not.toHaveProperty('language');
    // An older app's pull schema (the one without the field) still reads it; this one finds Dutch.
    expect(festivalEventSchema.safeParse(event).success).toBe(true);
    expect(festivalLanguageOf(event)).toBe('nl');
  });
});
