import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import nl from '../../../src/app/i18n/catalogs/nl';
import { activate } from '../../../src/app/i18n/messages';
import { storedText } from '../../../src/app/i18n/said';
import { HelptentDatabase } from '../../../src/db/database';
import { settlePush } from '../../../src/db/sync-repository';
import { say } from '../../../src/domain/phrase';
import { pushAnswerSchema } from '../../../src/domain/sync-protocol';
import { createTransport } from '../../../src/sync/http';

globalThis.document ??= { documentElement: {} } as Document;

let db: HelptentDatabase;
beforeEach(async () => {
  db = new HelptentDatabase(`refusal-phrase-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  activate('en', null, null);
  await db.delete();
});

/** The phone's own transport, asking a server stand-in that answers the push with this body. */
async function pushAnswered(body: unknown) {
  const fetch = (async () =>
    new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    })) as typeof globalThis.fetch;
  return createTransport({ fetch, isOnline: () => true })('/api/sync/push', pushAnswerSchema, { method: 'POST', body: {} });
}

async function waiting(mutationId: number) {
  await db.unsentChanges.put({
    mutationId,
    mutationUuid: `m-${mutationId}`,
    name: 'addNote',
    args: { issueId: 'issue-1', text: 'Found it' },
    issueId: 'issue-1',
    actor: { id: 'staff-sam', name: 'Sam', role: 'staff' },
    createdAt: '2026-07-10T20:00:00.000Z',
  });
}

describe('a change the server refused', () => {
  it('keeps the refusal’s phrase on the phone, and says it in the person’s language', async () => {
    const phrase = say('{name} voided this issue ({reason}); it takes no more changes.', { name: 'Jo', reason: 'duplicate' });
    await waiting(1);
    const answer = await pushAnswered({
      lastMutationId: 1,
      refused: [
        {
          mutationId: 1,
          mutationUuid: 'm-1',
          kind: 'invalid',
          message: 'Jo voided this issue (duplicate); it takes no more changes.',
          phrase,
        },
      ],
    });
    await settlePush(db, { first: 1, last: 1 }, answer.lastMutationId, answer.refused, '2026-07-10T20:01:00.000Z');
    const [refused] = await db.refusedChanges.toArray();
    expect(refused).toMatchObject({
      mutationId: 1,
      message: 'Jo voided this issue (duplicate); it takes no more changes.',
      phrase,
    });
    activate('nl', nl, null);
    expect(storedText({ text: refused!.message, phrase: refused!.phrase })).toBe(
      'Jo heeft deze melding ongeldig verklaard (duplicate); ze neemt geen wijzigingen meer aan.',
    );
  });

  it('from a server before phrases is kept with its English message, translated when the catalog knows it', async () => {
    await waiting(2);
    const answer = await pushAnswered({
      lastMutationId: 2,
      refused: [{ mutationId: 2, mutationUuid: 'm-2', kind: 'forbidden', message: 'Only an organizer can void an issue.' }],
    });
    await settlePush(db, { first: 2, last: 2 }, answer.lastMutationId, answer.refused, '2026-07-10T20:01:00.000Z');
    const [refused] = await db.refusedChanges.toArray();
    expect(refused!.phrase).toBeUndefined();
    activate('nl', nl, null);
    expect(storedText({ text: refused!.message, phrase: refused!.phrase })).toBe(
      'Alleen een organisator kan een melding ongeldig verklaren.',
    );
  });
});
