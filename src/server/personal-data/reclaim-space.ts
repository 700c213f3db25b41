import { sql } from 'kysely';
import type { Storage } from '../storage/storage';

/** Tries at emptying the log while a reader (a /healthz look) is in it. */
const checkpointTries = 20;

/**
 * Copies SQLite's write-ahead log into the file and empties it; the log keeps old page images
 * (the text before a change) until then. A reader in the log makes it wait: it is tried again.
 */
async function emptyLog(storage: Storage): Promise<void> {
  for (let i = 0; i < checkpointTries; i += 1) {
    const { rows } = await sql<{ busy: number }>`pragma wal_checkpoint(truncate)`.execute(storage.db);
    if (rows[0]?.busy === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The database log could not be emptied: a reader kept it busy. The next erasure or retention run tries again.');
}

/**
 * After personal data was removed, the bytes it took are really gone. SQLite zeroes text a change
 * replaces (secure_delete, storage.ts) but keeps old page images in its write-ahead log, which is
 * emptied here: enough for one erasure (`'log'`), without holding the server for seconds. After a
 * retention run (`'all'`, once, after the festival) the file is also rebuilt (VACUUM), so the
 * freed space goes back to the disk. PostgreSQL keeps old row versions until VACUUM removes them;
 * a plain VACUUM does that without locking the table against the phones (the README says what it
 * leaves to volume encryption).
 */
export async function reclaimSpace(storage: Storage, how: 'log' | 'all' = 'all'): Promise<void> {
  if (storage.kind === 'sqlite') {
    await emptyLog(storage);
    if (how === 'log') return;
    await sql`vacuum`.execute(storage.db);
    await emptyLog(storage);
    return;
  }
  await sql`vacuum issues`.execute(storage.db);
  await sql`vacuum events`.execute(storage.db);
}
