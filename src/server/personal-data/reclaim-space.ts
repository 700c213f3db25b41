import { sql } from 'kysely';
import type { Storage } from '../storage/storage';

/**
 * After personal data was removed, the bytes it took are really freed: SQLite keeps old page
 * images in its write-ahead log and deleted text in free pages until they are reused, so the
 * log is checkpointed and emptied, the file rebuilt (VACUUM), and the log emptied again.
 * PostgreSQL keeps old row versions until VACUUM removes them; a plain VACUUM does that without
 * locking the table against the phones (the README says what it leaves to volume encryption).
 */
export async function reclaimSpace(storage: Storage): Promise<void> {
  if (storage.kind === 'sqlite') {
    await sql`pragma wal_checkpoint(truncate)`.execute(storage.db);
    await sql`vacuum`.execute(storage.db);
    await sql`pragma wal_checkpoint(truncate)`.execute(storage.db);
    return;
  }
  await sql`vacuum issues`.execute(storage.db);
  await sql`vacuum events`.execute(storage.db);
}
