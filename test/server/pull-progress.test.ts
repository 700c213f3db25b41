import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { readSyncState } from '../../src/db/sync-state';
import { backends, injectFetch, startTestServer, type TestServer } from './helpers';
import { createArgs, joinAs, mutation, pull, push, setUpEvent, type TestDevice } from './sync-helpers';
import { joinTestPhone, phoneDatabases } from './test-phone';

let server: TestServer | undefined;
afterEach(async () => {
  for (const db of phoneDatabases.splice(0)) await db.delete();
  await server?.close();
  server = undefined;
});

interface Page {
  issues: { issue: { summary: string } }[];
  cursor: number;
  hasMore: boolean;
  remaining?: number;
}

describe.each(backends)('a catching-up phone learns how much is still to come, on %s', (backend) => {
  async function start() {
    server = await startTestServer({ backend });
    await setUpEvent(server.app);
    return server.app;
  }

  async function pullPage(device: TestDevice, cursor: number, limit: number): Promise<Page> {
    const response = await pull(server!.app, device, cursor, `&limit=${limit}`);
    expect(response.statusCode).toBe(200);
    return response.json() as Page;
  }

  it('every full page says how many issues are left after it; the last page says nothing', async () => {
    const app = await start();
    const phone = await joinAs(app, 'staff', 'Sam');
    const creates = Array.from({ length: 10 }, (_, i) => createArgs(`Issue ${i + 1}`));
    expect(
      (
        await push(
          app,
          phone,
          creates.map((args) => mutation(phone, 'createIssue', args)),
        )
      ).statusCode,
    ).toBe(200);

    const newcomer = await joinAs(app, 'coordinator', 'Alex');
    const seen: { got: number; remaining: number | undefined; hasMore: boolean }[] = [];
    let cursor = 0;
    for (;;) {
      const page = await pullPage(newcomer, cursor, 4);
      seen.push({ got: page.issues.length, remaining: page.remaining, hasMore: page.hasMore });
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(seen).toEqual([
      { got: 4, remaining: 6, hasMore: true },
      { got: 4, remaining: 2, hasMore: true },
      { got: 2, remaining: undefined, hasMore: false },
    ]);
  });

  it('an issue changed during the catch-up is counted again, since it will come again', async () => {
    const app = await start();
    const phone = await joinAs(app, 'staff', 'Sam');
    const creates = Array.from({ length: 6 }, (_, i) => createArgs(`Issue ${i + 1}`));
    await push(
      app,
      phone,
      creates.map((args) => mutation(phone, 'createIssue', args)),
    );
    const newcomer = await joinAs(app, 'coordinator', 'Alex');

    const first = await pullPage(newcomer, 0, 3);
    expect(first.remaining).toBe(3);
    // Someone adds a note to an issue the newcomer already has, and logs a new one.
    await push(app, phone, [
      mutation(phone, 'addNote', { issueId: creates[0]!.id, text: 'Found at the bar' }),
      mutation(phone, 'createIssue', createArgs('Issue 7')),
    ]);
    const second = await pullPage(newcomer, first.cursor, 3);
    expect(second.issues).toHaveLength(3);
    expect(second.remaining).toBe(2);
    const last = await pullPage(newcomer, second.cursor, 3);
    expect(last.hasMore).toBe(false);
    expect(last.issues.map((p) => p.issue.summary)).toEqual(['Issue 1', 'Issue 7']);
  });

  it('a phone that is up to date pays for no count: an empty or partial page has no remaining', async () => {
    const app = await start();
    const phone = await joinAs(app, 'staff', 'Sam');
    await push(app, phone, [mutation(phone, 'createIssue', createArgs('Only one'))]);
    const page = await pullPage(phone, 0, 1000);
    expect(page).not.toHaveProperty('remaining');
    expect(page.hasMore).toBe(false);
  });

  it('an app of protocol version 1 gets its pages as before, without the count', async () => {
    const app = await start();
    const phone = await joinAs(app, 'staff', 'Sam');
    await push(
      app,
      phone,
      [1, 2, 3].map((n) => mutation(phone, 'createIssue', createArgs(`Issue ${n}`))),
    );
    const old = await app.inject({
      method: 'GET',
      url: '/api/sync/pull?cursor=0&limit=2',
      headers: { authorization: `Bearer ${phone.token}` },
    });
    expect(old.json()).toMatchObject({ hasMore: true });
    expect(old.json()).not.toHaveProperty('remaining');
  });

  it('the phone keeps "N of M" with its cursor: an interrupted catch-up goes on from there and ends clean', async () => {
    const app = await start();
    const phone = await joinAs(app, 'staff', 'Sam');
    await push(
      app,
      phone,
      Array.from({ length: 10 }, (_, i) => mutation(phone, 'createIssue', createArgs(`Issue ${i + 1}`))),
    );
    // The second page's request fails once, as when signal drops or the app is closed mid-way.
    let pulls = 0;
    const flaky = (app: FastifyInstance): typeof fetch => {
      const inner = injectFetch(app);
      return ((input: string, init?: RequestInit) => {
        if (String(input).startsWith('/api/sync/pull') && ++pulls === 2) return Promise.reject(new TypeError('Failed to fetch'));
        return inner(input, init);
      }) as typeof fetch;
    };
    const newcomer = await joinTestPhone(app, 'Alex', 'coordinator', flaky, { batchSize: 10, pageSize: 3 });
    await expect(newcomer.sync()).rejects.toThrow();
    expect((await readSyncState(newcomer.db))?.catchUp).toEqual({ fetched: 3, total: 10 });
    expect(await newcomer.db.issues.count()).toBe(3);

    expect(await newcomer.sync()).toBe(true);
    expect((await readSyncState(newcomer.db))?.catchUp).toBeNull();
    expect(await newcomer.db.issues.count()).toBe(10);
  });
});
