import { afterEach, describe, expect, it } from 'vitest';
import { backends, startTestServer, type TestServer } from './helpers';
import { createArgs, deviceHeaders, joinAs, mutation, pull, pullAll, push, setUpEvent } from './sync-helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each(backends)('sync on %s', (backend) => {
  async function start() {
    server = await startTestServer({ backend });
    await setUpEvent(server.app);
    return server.app;
  }

  it('a pushed issue and note come back on another device’s pull', async () => {
    const app = await start();
    const phone = await joinAs(app, 'staff', 'Sam');
    const coordinator = await joinAs(app, 'coordinator', 'Alex');
    const create = createArgs('Lost phone');
    const response = await push(app, phone, [
      mutation(phone, 'createIssue', create),
      mutation(phone, 'addNote', { issueId: create.id, text: 'Checked lost & found' }),
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ lastMutationId: 2, refused: [] });
    const pulled = await pullAll(app, coordinator);
    expect(pulled.issues).toHaveLength(1);
    expect(pulled.issues[0].issue.timeline.map((e: { kind: string }) => e.kind)).toEqual(['created', 'note']);
    // Two joins, then the two changes: joins take their place in the event's change order.
    expect(pulled.issues[0].version).toBe(4);
  });

  it('a replayed push is a no-op: nothing applied twice, same answer', async () => {
    const app = await start();
    const phone = await joinAs(app, 'staff', 'Sam');
    const create = createArgs('Lost phone');
    const batch = [mutation(phone, 'createIssue', create), mutation(phone, 'addNote', { issueId: create.id, text: 'note' })];
    const first = await push(app, phone, batch);
    const again = await push(app, phone, batch);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const pulled = await pullAll(app, phone);
    expect(pulled.issues[0].issue.timeline).toHaveLength(2);
    expect(pulled.cursor).toBe(3);
  });

  it('a batch sent after one the server does not have yet is not taken at all', async () => {
    const app = await start();
    const phone = await joinAs(app, 'staff', 'Sam');
    const first = [mutation(phone, 'createIssue', createArgs('First')), mutation(phone, 'createIssue', createArgs('Second'))];
    const second = [mutation(phone, 'createIssue', createArgs('Third'))];
    const sendSecond = () => push(app, phone, second, phone.id, 2);
    // The second batch overtook the first: nothing of it applies, and the answer says where the server is.
    const early = await sendSecond();
    expect(early.statusCode).toBe(200);
    expect(early.json()).toEqual({ lastMutationId: 0, refused: [] });
    expect((await pullAll(app, phone)).issues).toHaveLength(0);
    await push(app, phone, first);
    expect((await sendSecond()).json()).toEqual({ lastMutationId: 3, refused: [] });
    expect((await pullAll(app, phone)).issues.map((p: { issue: { summary: string } }) => p.issue.summary)).toEqual([
      'First',
      'Second',
      'Third',
    ]);
  });

  it('refuses a push for another device’s client id with 403', async () => {
    const app = await start();
    const phone = await joinAs(app, 'staff', 'Sam');
    const other = await joinAs(app, 'staff', 'Kim');
    const response = await push(app, phone, [mutation(phone, 'createIssue', createArgs('x'))], other.id);
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toEqual({ kind: 'forbidden', message: 'A device may only send its own changes.' });
  });

  it('a revoked token gets 401 at once', async () => {
    const app = await start();
    const organizer = await joinAs(app, 'organizer', 'Jo');
    const phone = await joinAs(app, 'staff', 'Sam');
    expect((await push(app, phone, [])).statusCode).toBe(200);
    const revoke = await app.inject({
      method: 'POST',
      url: `/api/devices/${phone.id}/revoke`,
      headers: deviceHeaders(organizer),
    });
    expect(revoke.statusCode).toBe(200);
    const refused = await push(app, phone, []);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.message).toMatch(/organizer signed this phone out/);
    expect((await pull(app, phone)).statusCode).toBe(401);
  });

  it('a staff device never receives the contact details of issues others logged', async () => {
    const app = await start();
    const sam = await joinAs(app, 'staff', 'Sam');
    const kim = await joinAs(app, 'staff', 'Kim');
    const coordinator = await joinAs(app, 'coordinator', 'Alex');
    const attendee = { name: 'Robin', email: 'robin@example.org', phone: '+31 6 1234 5678' };
    await push(app, sam, [mutation(sam, 'createIssue', createArgs('Refund', { attendee, consentGiven: true }))]);
    const [forKim] = (await pullAll(app, kim)).issues;
    expect(forKim.issue.attendee).toEqual({ name: '', email: '', phone: '', ticketId: '', preferredChannel: null });
    expect(JSON.stringify(forKim)).not.toContain('robin');
    expect((await pullAll(app, sam)).issues[0].issue.attendee).toMatchObject(attendee);
    expect((await pullAll(app, coordinator)).issues[0].issue.attendee).toMatchObject(attendee);
  });

  it('a refused change is reported with its reason and does not block the ones after it', async () => {
    const app = await start();
    const phone = await joinAs(app, 'staff', 'Sam');
    const create = createArgs('Tent flooded');
    const batch = [
      mutation(phone, 'createIssue', create),
      mutation(phone, 'setStatus', { issueId: create.id, status: 'closed' }),
      mutation(phone, 'addNote', { issueId: create.id, text: 'Moved to the dry tent' }),
    ];
    const body = (await push(app, phone, batch)).json();
    expect(body.lastMutationId).toBe(3);
    expect(body.refused).toEqual([
      {
        mutationId: 2,
        mutationUuid: batch[1]!.mutationUuid,
        kind: 'invalid-transition',
        message: expect.stringMatching(/Write what was done/),
        // What the phone says in its person's language.
        phrase: {
          id: 'Write what was done (the resolution) before setting the issue to {status}.',
          values: { status: { of: 'status', code: 'closed' } },
        },
      },
    ]);
    // The answer was lost and the phone sends the batch again: the refusal is told again.
    const again = (await push(app, phone, batch)).json();
    expect(again).toEqual(body);
    const [pulled] = (await pullAll(app, phone)).issues;
    expect(pulled.issue.status).toBe('open');
    expect(pulled.issue.timeline.at(-1).note).toBe('Moved to the dry tent');
  });

  it('two people changing the same field without seeing each other: later arrival applies, conflict recorded', async () => {
    const app = await start();
    const a = await joinAs(app, 'staff', 'Sam');
    const b = await joinAs(app, 'staff', 'Kim');
    const create = createArgs('Charged twice');
    await push(app, a, [mutation(a, 'createIssue', create)]);
    const version = (await pullAll(app, b)).issues[0].version;
    await push(app, a, [mutation(a, 'setStatus', { issueId: create.id, status: 'in_progress' }, version)]);
    await push(app, b, [
      mutation(b, 'setStatus', { issueId: create.id, status: 'referred', resolution: 'Sent to cashless team' }, version),
    ]);
    const [pulled] = (await pullAll(app, a)).issues;
    expect(pulled.issue.status).toBe('referred');
    const conflicts = pulled.issue.timeline.filter((e: { kind: string }) => e.kind === 'conflict');
    expect(conflicts.map((e: { text: string }) => e.text)).toEqual([
      'Two people changed the status: Sam set in progress, then Kim (who had not seen it) set referred. Kim’s change arrived later and applies — check which is right.',
    ]);
  });

  it('a change made impossible by someone else’s earlier one is kept on the timeline, not dropped', async () => {
    const app = await start();
    const a = await joinAs(app, 'staff', 'Sam');
    const b = await joinAs(app, 'staff', 'Kim');
    const create = createArgs('Charged twice');
    await push(app, a, [mutation(a, 'createIssue', create)]);
    const version = (await pullAll(app, b)).issues[0].version;
    await push(app, a, [mutation(a, 'setStatus', { issueId: create.id, status: 'resolved', resolution: 'Refunded' }, version)]);
    const response = await push(app, b, [
      mutation(b, 'setStatus', { issueId: create.id, status: 'referred', resolution: 'Sent to cashless team' }, version),
    ]);
    expect(response.json().refused).toEqual([]);
    const [pulled] = (await pullAll(app, b)).issues;
    expect(pulled.issue.status).toBe('resolved');
    expect(pulled.issue.timeline.at(-1)).toMatchObject({
      kind: 'conflict',
      by: { name: 'Kim' },
      text: expect.stringMatching(
        /^Kim wanted to set the status to referred, but Sam had changed the issue first, so it was not applied: An issue that is resolved cannot be set to referred/,
      ),
    });
  });

  it('different fields changed concurrently merge without a conflict', async () => {
    const app = await start();
    const a = await joinAs(app, 'staff', 'Sam');
    const b = await joinAs(app, 'staff', 'Kim');
    const create = createArgs('Noise complaint');
    await push(app, a, [mutation(a, 'createIssue', create)]);
    const version = (await pullAll(app, a)).issues[0].version;
    await push(app, a, [mutation(a, 'updateFields', { issueId: create.id, fields: { severity: 'high' } }, version)]);
    await push(app, b, [mutation(b, 'updateFields', { issueId: create.id, fields: { zoneId: 'dance-tent' } }, version)]);
    const [pulled] = (await pullAll(app, a)).issues;
    expect(pulled.issue).toMatchObject({ severity: 'high', zoneId: 'dance-tent' });
    expect(pulled.issue.timeline.some((e: { kind: string }) => e.kind === 'conflict')).toBe(false);
  });

  it('pulls in pages, in change order, with a cursor that only moves forward', async () => {
    const app = await start();
    const phone = await joinAs(app, 'staff', 'Sam');
    await push(
      app,
      phone,
      Array.from({ length: 25 }, (_, i) => mutation(phone, 'createIssue', createArgs(`Issue ${i}`))),
    );
    const pulled = await pullAll(app, phone, 10);
    expect(pulled.pages).toBe(3);
    // After the join (change 1), the 25 issues in the order they were pushed.
    expect(pulled.issues.map((p: { version: number }) => p.version)).toEqual(Array.from({ length: 25 }, (_, i) => i + 2));
    expect(pulled.lastMutationId).toBe(25);
  });

  it('malformed bodies get 400 with a clear message, never 5xx', async () => {
    const app = await start();
    const phone = await joinAs(app, 'staff', 'Sam');
    const auth = { ...deviceHeaders(phone), 'content-type': 'application/json' };
    const bodies = [
      '{"deviceId": ',
      '[]',
      JSON.stringify({ deviceId: phone.id }),
      JSON.stringify({ deviceId: phone.id, mutations: [{ mutationId: 'one' }] }),
      JSON.stringify({ deviceId: phone.id, mutations: [{ ...mutation(phone, 'dropTables', {}) }] }),
      JSON.stringify({ deviceId: phone.id, mutations: Array.from({ length: 1001 }, () => mutation(phone, 'addNote', {})) }),
    ];
    for (const payload of bodies) {
      const response = await app.inject({ method: 'POST', url: '/api/sync/push', headers: auth, payload });
      expect(response.statusCode, payload.slice(0, 60)).toBe(400);
      expect(response.json().error.kind).toBe('invalid');
      expect(response.json().error.message.length).toBeGreaterThan(10);
    }
    const badPull = await app.inject({ method: 'GET', url: '/api/sync/pull?cursor=-4', headers: auth });
    expect(badPull.statusCode).toBe(400);
  });

  it('a device without a token, or with an unknown one, gets 401', async () => {
    const app = await start();
    expect((await app.inject({ method: 'GET', url: '/api/sync/pull' })).statusCode).toBe(401);
    const unknown = await app.inject({
      method: 'GET',
      url: '/api/sync/pull',
      headers: { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    });
    expect(unknown.statusCode).toBe(401);
  });
});
