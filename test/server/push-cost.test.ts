import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxNotesPerIssue } from '../../src/domain/mutators';
import { changesPerTransaction } from '../../src/server/sync/push-group';
import { backends, startTestServer, type TestServer } from './helpers';
import { createArgs, joinAs, mutation, pull, pullAll, push, setUpEvent, type TestDevice } from './sync-helpers';

describe.each(backends)('a push costs what it carries, on %s', (backend) => {
  let server: TestServer;
  let app: FastifyInstance;
  let staff: TestDevice;
  let coordinator: TestDevice;

  beforeAll(async () => {
    server = await startTestServer({ backend });
    app = server.app;
    await setUpEvent(app);
    staff = await joinAs(app, 'staff', 'Sam');
    coordinator = await joinAs(app, 'coordinator', 'Alex');
  });
  afterAll(async () => server?.close());

  it('a thousand 4,000-character notes reach one issue; the next is refused with a sentence', async () => {
    const issue = createArgs('Lost child: search log');
    expect((await push(app, staff, [mutation(staff, 'createIssue', issue)])).json().refused).toEqual([]);
    const text = 'Searched the campsite, row by row. '.repeat(115).slice(0, 4000);
    for (let sent = 0; sent < maxNotesPerIssue; sent += 250) {
      const notes = Array.from({ length: 250 }, () => mutation(staff, 'addNote', { issueId: issue.id, text }));
      const answer = await push(app, staff, notes);
      expect(answer.json()).toEqual({ lastMutationId: staff.mutationId, refused: [] });
    }
    const extra = mutation(staff, 'addNote', { issueId: issue.id, text: 'One more' });
    const refused = (await push(app, staff, [extra])).json().refused;
    expect(refused).toHaveLength(1);
    expect(refused[0].message).toMatch(/already holds 1,000 notes.*Log a new issue/);
    const stored = (await pullAll(app, coordinator)).issues.find((i) => i.issue.id === issue.id).issue;
    expect(stored.timeline.filter((e: { kind: string }) => e.kind === 'note')).toHaveLength(maxNotesPerIssue);
  });

  it('a push longer than one transaction is applied whole and in order, its refusals reported once and again on a resend', async () => {
    const issue = createArgs('Many small changes');
    const changes = [mutation(staff, 'createIssue', issue)];
    const total = changesPerTransaction * 2 + 50;
    for (let i = 1; i < total; i += 1) {
      // One impossible change deep in the third part.
      const text = i === total - 10 ? '' : `Note ${i}`;
      changes.push(mutation(staff, 'addNote', { issueId: issue.id, text }));
    }
    const answer = await push(app, staff, changes);
    expect(answer.json().lastMutationId).toBe(staff.mutationId);
    expect(answer.json().refused.map((r: { mutationId: number }) => r.mutationId)).toEqual([changes[total - 10]!.mutationId]);
    const resent = await push(app, staff, changes);
    expect(resent.json()).toEqual(answer.json());
    const page = (await pull(app, coordinator, 0, '&limit=1000')).json();
    const stored = page.issues.find((i: { issue: { id: string } }) => i.issue.id === issue.id).issue;
    const notes = stored.timeline.filter((e: { kind: string }) => e.kind === 'note').map((e: { note: string }) => e.note);
    expect(notes).toHaveLength(total - 2);
    expect(notes.slice(0, 3)).toEqual(['Note 1', 'Note 2', 'Note 3']);
    expect(notes.at(-1)).toBe(`Note ${total - 1}`);
  });
});
