import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { readIssue } from '../../src/db/issue-repository';
import { countUnreadRejections } from '../../src/db/pending-counts';
import { readQueueRows } from '../../src/db/queue-pages';
import { dismissRejections, removeRefusedIssue } from '../../src/db/rejection-repository';
import { pushBatchBytes } from '../../src/domain/sync-protocol';
import { defaultSyncSizes } from '../../src/sync/sync-once';
import { backends, injectFetch, startTestServer, type TestServer } from './helpers';
import { newUuid, setUpEvent } from './sync-helpers';
import { change, joinTestPhone, phoneDatabases } from './test-phone';

let server: TestServer | undefined;
afterEach(async () => {
  for (const db of phoneDatabases.splice(0)) await db.delete();
  await server?.close();
  server = undefined;
});

describe.each(backends)('the client sync code against the server on %s', (backend) => {
  it('phones converge, in batches and pages, and nothing typed offline is lost or doubled', async () => {
    server = await startTestServer({ backend });
    await setUpEvent(server.app);
    const a = await joinTestPhone(server.app, 'Sam');
    const b = await joinTestPhone(server.app, 'Kim');
    const ids = [newUuid(), newUuid(), newUuid()];
    for (const [i, id] of ids.entries())
      await change(a, 'createIssue', { id, eventId: 'festival', category: 'other', summary: `Issue ${i}` });
    await a.sync();
    await b.sync();
    // Both work on issue 0 without syncing: a note each, and a severity change on B.
    await change(a, 'addNote', { issueId: ids[0], text: 'from Sam' });
    await change(b, 'addNote', { issueId: ids[0], text: 'from Kim' });
    await change(b, 'updateFields', { issueId: ids[0], fields: { severity: 'urgent' } });
    await b.sync();
    await a.sync(); // pulls B's changes and rebases its pending note on top
    const onA = await readIssue(a.db, ids[0]!);
    expect(
      onA?.timeline
        .filter((e) => e.kind === 'note')
        .map((e) => e.note)
        .sort(),
    ).toEqual(['from Kim', 'from Sam']);
    expect(onA?.severity).toBe('urgent');
    await b.sync();
    const onB = await readIssue(b.db, ids[0]!);
    expect(onB).toEqual(onA);
    expect(await a.db.unsentChanges.count()).toBe(0);
    expect(await b.db.issues.count()).toBe(3);
  });

  it('a refused change leaves the outbox, is kept aside with its reason, and does not hold back the next ones', async () => {
    server = await startTestServer({ backend });
    await setUpEvent(server.app);
    const a = await joinTestPhone(server.app, 'Sam');
    const id = newUuid();
    await change(a, 'createIssue', { id, eventId: 'festival', category: 'other', summary: 'Shared' });
    // As an older app version with looser checks would have queued it:
    await a.db.unsentChanges.add({
      mutationUuid: newUuid(),
      name: 'addNote',
      args: { issueId: id, text: '' },
      issueId: id,
      actor: { id: a.actor.id, name: a.actor.name, role: 'staff' },
      createdAt: new Date().toISOString(),
      baseVersion: 0,
    });
    await change(a, 'addNote', { issueId: id, text: 'A real note' });
    await a.sync();
    expect(await a.db.unsentChanges.count()).toBe(0);
    const rejected = await a.db.refusedChanges.toArray();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ name: 'addNote', kind: 'invalid', issueId: id });
    expect(rejected[0]?.message).toMatch(/note is required/);
    const issue = await readIssue(a.db, id);
    expect(issue?.timeline.map((e) => e.note)).toEqual(['', 'A real note']);
  });

  it('a refusal reaches the phone as a phrase, which it keeps to say in its person’s language', async () => {
    server = await startTestServer({ backend });
    await setUpEvent(server.app);
    const a = await joinTestPhone(server.app, 'Sam');
    const id = newUuid();
    await change(a, 'createIssue', { id, eventId: 'festival', category: 'other', summary: 'Twice' });
    // The phone refuses a staff member's void itself; an older app queued it anyway.
    await a.db.unsentChanges.add({
      mutationUuid: newUuid(),
      name: 'voidIssue',
      args: { issueId: id, reason: 'Logged twice' },
      issueId: id,
      actor: { id: a.actor.id, name: a.actor.name, role: 'staff' },
      createdAt: new Date().toISOString(),
      baseVersion: 0,
    });
    await a.sync();
    const [refused] = await a.db.refusedChanges.toArray();
    expect(refused).toMatchObject({
      name: 'voidIssue',
      kind: 'forbidden',
      message: 'Only an organizer can void an issue.',
      phrase: { id: 'Only an organizer can void an issue.' },
    });
  });

  it('an issue the server refused to create stays until a person removes it; the refusal stays on record', async () => {
    server = await startTestServer({ backend });
    await setUpEvent(server.app);
    const a = await joinTestPhone(server.app, 'Sam');
    const refused = newUuid();
    const kept = newUuid();
    await change(a, 'createIssue', { id: refused, eventId: 'another-festival', category: 'other', summary: 'Wrong event' });
    await change(a, 'addNote', { issueId: refused, text: 'Still looking' });
    await change(a, 'createIssue', { id: kept, eventId: 'festival', category: 'other', summary: 'Fine' });
    await a.sync();
    expect(await a.db.unsentChanges.count()).toBe(0);
    expect((await a.db.refusedChanges.toArray()).map((r) => [r.name, r.kind])).toEqual([
      ['createIssue', 'forbidden'],
      ['addNote', 'not-found'],
    ]);
    expect(await readIssue(a.db, refused)).toBeDefined();
    expect(await countUnreadRejections(a.db)).toBe(2);

    await dismissRejections(a.db, refused, new Date().toISOString());
    expect(await countUnreadRejections(a.db)).toBe(0);
    await expect(removeRefusedIssue(a.db, kept, new Date().toISOString())).rejects.toThrow(/Only an issue the server refused/);
    await removeRefusedIssue(a.db, refused, new Date().toISOString());
    expect(await readIssue(a.db, refused)).toBeUndefined();
    expect((await readQueueRows(a.db)).map((row) => row.id)).not.toContain(refused);
    expect(await readIssue(a.db, kept)).toBeDefined();
    expect(await a.db.refusedChanges.count()).toBe(2);
    await a.sync();
    expect(await a.db.issues.count()).toBe(1);
  });

  it('batches sent two at a time arrive exactly once, even when a later one overtakes an earlier one', async () => {
    server = await startTestServer({ backend });
    await setUpEvent(server.app);
    let overtaken = 0;
    // The first batch of each of two passes is held back until the batch sent after it has been
    // answered, so that one reaches the server first (a timer would lose the race on a busy machine).
    let release: (() => void) | undefined;
    const overtaking = (app: FastifyInstance): typeof fetch => {
      const direct = injectFetch(app);
      return (async (input: string, init: RequestInit = {}) => {
        const body = typeof init.body === 'string' ? init.body : '';
        if (body.includes('"mutations"') && !body.includes('"after"') && overtaken < 2) {
          overtaken += 1;
          await new Promise<void>((resolve) => {
            release = resolve;
            setTimeout(resolve, 5000);
          });
        }
        const response = await direct(input, init);
        if (body.includes('"after"')) release?.();
        return response;
      }) as typeof fetch;
    };
    const a = await joinTestPhone(server.app, 'Sam', 'staff', overtaking);
    const ids = Array.from({ length: 7 }, () => newUuid());
    for (const [i, id] of ids.entries()) {
      await change(a, 'createIssue', { id, eventId: 'festival', category: 'other', summary: `Issue ${i}` });
      await change(a, 'addNote', { issueId: id, text: `Note ${i}` });
    }
    await a.sync();
    expect(overtaken).toBe(2);
    expect(await a.db.unsentChanges.count()).toBe(0);
    expect(await a.db.refusedChanges.count()).toBe(0);
    const b = await joinTestPhone(server.app, 'Kim');
    await b.sync();
    const onB = await b.db.issues.toArray();
    expect(onB).toHaveLength(7);
    for (const issue of onB) expect(issue.timeline.map((e) => e.kind)).toEqual(['created', 'note']);
  });

  it('a pile of long notes goes in pushes of at most 256 KB, each note applied once and in order', async () => {
    server = await startTestServer({ backend });
    await setUpEvent(server.app);
    const pushSizes: number[] = [];
    const measuring = (app: FastifyInstance): typeof fetch => {
      const direct = injectFetch(app);
      return (async (input: string, init: RequestInit = {}) => {
        if (String(input).startsWith('/api/sync/push')) pushSizes.push(Buffer.byteLength(String(init.body)));
        return direct(input, init);
      }) as typeof fetch;
    };
    const a = await joinTestPhone(server.app, 'Sam', 'staff', measuring);
    // 1,000 notes of 4,000 characters (some of them 3 bytes in UTF-8) on 100 issues: 4.4 MB.
    const ids = Array.from({ length: 100 }, () => newUuid());
    const noteText = (i: number) => `${`Note ${i} — `.padEnd(3999, 'the attendee waited by the gate — ')}.`;
    for (const [i, id] of ids.entries()) {
      await change(a, 'createIssue', { id, eventId: 'festival', category: 'other', summary: `Issue ${i}` });
    }
    for (let i = 0; i < 1000; i += 1) await change(a, 'addNote', { issueId: ids[i % 100], text: noteText(i) });
    await a.sync({ sizes: defaultSyncSizes });

    expect(await a.db.unsentChanges.count()).toBe(0);
    expect(await a.db.refusedChanges.count()).toBe(0);
    expect(Math.max(...pushSizes)).toBeLessThanOrEqual(pushBatchBytes);
    // 4.4 MB in pushes of at most 256 KB; before, 500 changes a push made two of about 2 MB.
    expect(pushSizes.length).toBeGreaterThanOrEqual(17);
    const b = await joinTestPhone(server.app, 'Kim');
    await b.sync({ sizes: defaultSyncSizes });
    for (const [i, id] of ids.entries()) {
      const notes = (await readIssue(b.db, id))?.timeline.filter((e) => e.kind === 'note').map((e) => e.note);
      expect(notes).toEqual(Array.from({ length: 10 }, (_, k) => noteText(i + 100 * k)));
    }
  }, 60_000);
});
