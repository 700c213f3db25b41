import { afterEach, describe, expect, it } from 'vitest';
import type { Issue } from '../../src/domain/issue';
import { backends, startTestServer, type TestServer } from './helpers';
import { deviceHeaders, joinAs, mutation, newUuid, pullAll, push, setUpEvent } from './sync-helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const phone = { category: 'phone', colour: 'black', brand: 'Samsung', marks: 'cracked corner' };

describe.each(backends)('the lost-property desk on %s', (backend) => {
  it('a found item and a lost report logged on two phones are matched, handed back and exported; other staff never see who collected it', async () => {
    server = await startTestServer({ backend });
    const app = server.app;
    await setUpEvent(app);
    const sam = await joinAs(app, 'staff', 'Sam');
    const kim = await joinAs(app, 'staff', 'Kim');
    const alex = await joinAs(app, 'coordinator', 'Alex');
    const jo = await joinAs(app, 'organizer', 'Jo');
    const foundId = newUuid();
    const lostId = newUuid();
    const ok = async (answer: Promise<{ statusCode: number; json: () => { refused?: unknown[] } }>) => {
      const response = await answer;
      expect(response.statusCode).toBe(200);
      expect(response.json().refused ?? []).toEqual([]);
    };

    await ok(
      push(app, sam, [
        mutation(sam, 'createIssue', {
          id: foundId,
          eventId: 'festival',
          category: 'lost-property',
          summary: 'Found phone',
          lostProperty: { kind: 'found', item: phone, place: 'Bar', at: null, storage: 'B4' },
        }),
      ]),
    );
    await ok(
      push(app, kim, [
        mutation(kim, 'createIssue', {
          id: lostId,
          eventId: 'festival',
          category: 'lost-property',
          summary: 'Lost phone',
          attendee: { name: 'Mia Jansen', email: 'mia@example.org' },
          consentGiven: true,
          lostProperty: { kind: 'lost', item: { ...phone, marks: '' }, place: 'Main stage', at: null },
        }),
      ]),
    );
    await ok(
      push(app, alex, [
        mutation(alex, 'matchItem', { issueId: foundId, otherId: lostId, matched: true }, 1),
        mutation(alex, 'matchItem', { issueId: lostId, otherId: foundId, matched: true }, 2),
      ]),
    );
    await ok(
      push(app, sam, [
        mutation(
          sam,
          'handBackItem',
          {
            issueId: foundId,
            collectedBy: 'Mia Jansen',
            idKind: 'passport',
            idLast4: 'X7K2',
            confirmation: { kind: 'signature', path: 'M 1 1 L 9 9' },
          },
          3,
        ),
        mutation(sam, 'recordItemReturned', { issueId: lostId, foundId }, 4),
      ]),
    );

    const byId = (issues: { issue: Issue }[]) => new Map(issues.map(({ issue }) => [issue.id, issue]));
    const kimSees = byId((await pullAll(app, kim)).issues);
    const seenFound = kimSees.get(foundId)!;
    expect(seenFound.lostProperty).toMatchObject({ state: 'handed_back', matchedWith: lostId, storage: 'B4' });
    expect(JSON.stringify(seenFound)).not.toMatch(/Mia|Jansen|X7K2|M 1 1/);
    expect(seenFound.timeline.filter((e) => e.custody).map((e) => e.custody)).toEqual([
      'found',
      'stored',
      'matched',
      'handed_back',
    ]);
    const alexSees = byId((await pullAll(app, alex)).issues);
    expect(alexSees.get(foundId)!.lostProperty?.handback).toMatchObject({ collectedBy: 'Mia Jansen', idLast4: 'X7K2' });
    expect(alexSees.get(lostId)!.lostProperty?.state).toBe('returned');
    expect(alexSees.get(lostId)!.followUp).toMatchObject({ needed: true, reason: 'lost_property', outreach: 'done' });

    const csv = await app.inject({ method: 'GET', url: '/api/exports/lost-property?format=json', headers: deviceHeaders(jo) });
    expect(csv.statusCode).toBe(200);
    const rows = csv.json().rows as Record<string, unknown>[];
    expect(rows.map((row) => [row.kind, row.state])).toEqual([
      ['found', 'handed_back'],
      ['lost', 'returned'],
    ]);
    expect(rows[0]).toMatchObject({ collected_by: 'Mia Jansen', id_last4: 'X7K2', storage: 'B4' });
  }, 30_000);

  it('the phone that logged a found item does not receive who collected it when another staff member handed it back', async () => {
    server = await startTestServer({ backend });
    const app = server.app;
    await setUpEvent(app);
    const sam = await joinAs(app, 'staff', 'Sam');
    const kim = await joinAs(app, 'staff', 'Kim');
    const foundId = newUuid();
    await push(app, sam, [
      mutation(sam, 'createIssue', {
        id: foundId,
        eventId: 'festival',
        category: 'lost-property',
        summary: 'Found wallet',
        lostProperty: { kind: 'found', item: { ...phone, category: 'wallet' }, place: 'Gate', at: null, storage: 'A1' },
      }),
    ]);
    const handedBack = await push(app, kim, [
      mutation(
        kim,
        'handBackItem',
        {
          issueId: foundId,
          collectedBy: 'Noor Bakker',
          idKind: 'id_card',
          idLast4: 'Q9Z1',
          confirmation: { kind: 'typed', text: 'Noor Bakker' },
        },
        1,
      ),
    ]);
    expect(handedBack.json().refused ?? []).toEqual([]);
    const samSees = (await pullAll(app, sam)).issues.find(({ issue }) => issue.id === foundId)!.issue;
    expect(samSees.lostProperty).toMatchObject({ state: 'handed_back', storage: 'A1' });
    expect(samSees.lostProperty?.handback?.by.name).toBe('Kim');
    expect(JSON.stringify(samSees)).not.toMatch(/Noor|Bakker|Q9Z1/);
  }, 30_000);

  it('refuses a hand-back of a lost report, with the reason', async () => {
    server = await startTestServer({ backend });
    const app = server.app;
    await setUpEvent(app);
    const sam = await joinAs(app, 'staff', 'Sam');
    const lostId = newUuid();
    await push(app, sam, [
      mutation(sam, 'createIssue', {
        id: lostId,
        eventId: 'festival',
        category: 'lost-property',
        summary: 'Lost keys',
        lostProperty: { kind: 'lost', item: { ...phone, category: 'keys' }, place: '', at: null },
      }),
    ]);
    const handBack = {
      issueId: lostId,
      collectedBy: 'X',
      idKind: 'other',
      idLast4: '1',
      confirmation: { kind: 'typed', text: 'ok' },
    };
    const answer = await push(app, sam, [mutation(sam, 'handBackItem', handBack, 1)]);
    expect(answer.statusCode).toBe(200);
    expect(answer.json().refused).toEqual([
      expect.objectContaining({ kind: 'invalid', message: expect.stringMatching(/Only a found item/) }),
    ]);
  }, 30_000);
});
