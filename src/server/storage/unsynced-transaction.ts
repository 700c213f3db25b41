import { type Kysely, sql } from 'kysely';
import type { ServerDatabase } from './schema';
import type { Storage } from './storage';

type Db = Kysely<ServerDatabase>;

/**
 * A transaction whose commit a power cut may undo (never half-apply): for writes cheaper to redo
 * than to sync, such as a chunk of a photo the phone still holds until the server says the whole
 * file is stored. A killed server process loses nothing (the operating system has the write);
 * only a power cut can, and then the upload resumes from an earlier offset. Everything that is
 * acknowledged as kept (pushes, a completed photo) stays fully synced.
 *
 * SQLite: synchronous = NORMAL for this commit only, on the one connection held throughout, so no
 * other transaction commits under it. PostgreSQL: synchronous_commit off for this transaction.
 */
export async function unsyncedTransaction<T>(storage: Storage, work: (trx: Db) => Promise<T>): Promise<T> {
  if (storage.kind === 'postgres') {
    return storage.db.transaction().execute(async (trx) => {
      await sql`set local synchronous_commit = off`.execute(trx);
      return work(trx);
    });
  }
  return storage.db.connection().execute(async (connection) => {
    await sql`pragma synchronous = NORMAL`.execute(connection);
    try {
      return await connection.transaction().execute(work);
    } finally {
      await sql`pragma synchronous = FULL`.execute(connection);
    }
  });
}
