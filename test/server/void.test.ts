import { afterEach, describe, expect, it } from 'vitest';
import { backends, startTestServer, type TestServer } from './helpers';
import { createArgs, joinAs, mutation, pullAll, push, setUpEvent } from './sync-helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each(backends)('voiding an issue on %s', (backend) => {
  it('an organizer voids; every phone receives it; staff cannot; later changes are refused with a sentence', async () => {
    server = await startTestServer({ backend });
    const app = server.app;
    await setUpEvent(app);
    const staff = await joinAs(app, 'staff', 'Sam');
    const organizer = await joinAs(app, 'organizer', 'Jo');
    const issue = createArgs('Logged twice by mistake');
    await push(app, staff, [mutation(staff, 'createIssue', issue)]);

    const bySam = await push(app, staff, [mutation(staff, 'voidIssue', { issueId: issue.id, reason: 'duplicate' })]);
    expect(bySam.json().refused[0].message).toMatch(/Only an organizer/);
    // The phone says it in its person's language.
    expect(bySam.json().refused[0].phrase).toEqual({ id: 'Only an organizer can void an issue.' });
    const byJo = await push(app, organizer, [mutation(organizer, 'voidIssue', { issueId: issue.id, reason: 'duplicate' }, 2)]);
    expect(byJo.json().refused).toEqual([]);

    const pulled = (await pullAll(app, staff)).issues.find((i) => i.issue.id === issue.id).issue;
    expect(pulled.voided).toMatchObject({ by: { name: 'Jo' }, reason: 'duplicate' });
    const late = await push(app, staff, [mutation(staff, 'addNote', { issueId: issue.id, text: 'Found it' }, 3)]);
    expect(late.json().refused[0].message).toMatch(/Jo voided this issue \(duplicate\)/);
    expect(late.json().refused[0].phrase).toEqual({
      id: '{name} voided this issue ({reason}); it takes no more changes.',
      values: { name: 'Jo', reason: 'duplicate' },
    });

    const exported = await app.inject({
      method: 'GET',
      url: '/api/exports/issues?format=json',
      headers: { authorization: `Bearer ${organizer.token}` },
    });
    expect(exported.json().rows.map((r: { voided: string }) => r.voided)).toEqual(['Jo: duplicate']);
  });
});
