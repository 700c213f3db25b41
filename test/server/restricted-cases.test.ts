import { afterEach, describe, expect, it } from 'vitest';
import type { Issue } from '../../src/domain/issue';
import { backends, startTestServer, type TestServer } from './helpers';
import { joinAs, mutation, newUuid, pullAll, push, setUpEvent } from './sync-helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each(backends)('restricted cases on %s', (backend) => {
  it('a medical case reaches other staff as a bare stub until it is assigned to them, and they cannot change it', async () => {
    server = await startTestServer({ backend });
    const app = server.app;
    await setUpEvent(app);
    const sam = await joinAs(app, 'staff', 'Sam');
    const kim = await joinAs(app, 'staff', 'Kim');
    const alex = await joinAs(app, 'coordinator', 'Alex');
    const id = newUuid();
    const logged = await push(app, sam, [
      mutation(sam, 'createIssue', {
        id,
        eventId: 'festival',
        category: 'medical-welfare',
        severity: 'high',
        zoneId: 'main-stage',
        summary: 'Fainted near the barrier, diabetic',
        details: 'Insulin in her bag',
        attendee: { name: 'Mia Jansen', phone: '+31 6 1111 2222' },
      }),
    ]);
    expect(logged.json().refused).toEqual([]);
    const find = async (device: typeof sam) =>
      ((await pullAll(app, device)).issues as { issue: Issue }[]).find(({ issue }) => issue.id === id)!.issue;

    const kimSees = await find(kim);
    expect(kimSees).toMatchObject({ restricted: true, summary: 'Restricted case', zoneId: 'main-stage', severity: 'high' });
    expect(JSON.stringify(kimSees)).not.toMatch(/Fainted|diabetic|Insulin|Mia|1111/);
    expect((await find(sam)).summary).toBe('Fainted near the barrier, diabetic');
    expect((await find(alex)).details).toBe('Insulin in her bag');

    const note = await push(app, kim, [mutation(kim, 'addNote', { issueId: id, text: 'On my way' }, 1)]);
    expect(note.json().refused).toEqual([
      expect.objectContaining({ kind: 'forbidden', message: expect.stringMatching(/restricted case/) }),
    ]);
    const recategorised = await push(app, kim, [
      mutation(kim, 'updateFields', { issueId: id, fields: { category: 'other' } }, 1),
    ]);
    expect(recategorised.json().refused).toEqual([expect.objectContaining({ kind: 'forbidden' })]);

    // Assigned to Kim, the case reaches her whole.
    const { staff_id: kimId } = await app.storage.db
      .selectFrom('devices')
      .select('staff_id')
      .where('id', '=', kim.id)
      .executeTakeFirstOrThrow();
    const assigned = await push(app, alex, [
      mutation(alex, 'assignOwner', { issueId: id, owner: { id: kimId, name: 'Kim' } }, 1),
    ]);
    expect(assigned.json().refused).toEqual([]);
    expect((await find(kim)).details).toBe('Insulin in her bag');
    const allowed = await push(app, kim, [mutation(kim, 'addNote', { issueId: id, text: 'With her now' }, 2)]);
    expect(allowed.json().refused).toEqual([]);
  }, 30_000);
});
