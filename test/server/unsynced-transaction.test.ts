import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { unsyncedTransaction } from '../../src/server/storage/unsynced-transaction';
import { startTestServer, type TestServer } from './helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** SQLite's synchronous setting: 2 is FULL, what every acknowledged push relies on. */
async function synchronousOf(srv: TestServer): Promise<number> {
  const rows = await sql<{ synchronous: number }>`pragma synchronous`.execute(srv.app.storage.db);
  return rows.rows[0]!.synchronous;
}

describe('a transaction that need not wait for the disk (SQLite)', () => {
  it('commits, and every later transaction is synced again, after a failure too', async () => {
    server = await startTestServer();
    const { storage } = server.app;
    expect(await synchronousOf(server)).toBe(2);
    await unsyncedTransaction(storage, (trx) =>
      trx.insertInto('server_info').values({ key: 'photo-test', value: '1' }).execute(),
    );
    expect(await synchronousOf(server)).toBe(2);
    await expect(
      unsyncedTransaction(storage, async (trx) => {
        await trx.insertInto('server_info').values({ key: 'photo-test-2', value: '1' }).execute();
        throw new Error('refused half-way');
      }),
    ).rejects.toThrow('refused half-way');
    expect(await synchronousOf(server)).toBe(2);
    const keys = await storage.db.selectFrom('server_info').select('key').where('key', 'like', 'photo-test%').execute();
    expect(keys).toEqual([{ key: 'photo-test' }]);
  });
});
