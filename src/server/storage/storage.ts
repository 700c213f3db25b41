import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { StorageConfig } from '../config';
import { migrateToLatest } from './migrations';
import type { ServerDatabase } from './schema';
import { withStatementCache } from './statement-cache';

export interface Storage {
  kind: StorageConfig['kind'];
  db: Kysely<ServerDatabase>;
  /** When this database was first created (ISO 8601), kept in server_info. */
  createdAt: string;
  isHealthy(): Promise<boolean>;
  close(): Promise<void>;
}

function openSqlite(file: string): Kysely<ServerDatabase> {
  mkdirSync(dirname(file), { recursive: true });
  const database = new SQLite(file);
  // WAL lets readers go on while a sync batch writes; FULL because an acknowledged push must
  // survive a power cut of the box in the info tent.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
}

// PostgreSQL sends bigint (int8) as text; our sequence numbers fit comfortably in a double.
pg.types.setTypeParser(20, (value) => Number(value));

function openPostgres(url: string): Kysely<ServerDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_SIZE ?? 10) });
  return new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) });
}

export async function openStorage(config: StorageConfig, now: () => Date = () => new Date()): Promise<Storage> {
  const db = config.kind === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url);
  try {
    await migrateToLatest(db as Kysely<unknown>);
    await db
      .insertInto('server_info')
      .values({ key: 'created_at', value: now().toISOString() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await db.selectFrom('server_info').select('value').where('key', '=', 'created_at').executeTakeFirstOrThrow();
    return {
      kind: config.kind,
      db,
      createdAt: row.value,
      async isHealthy() {
        try {
          await sql`select 1`.execute(db);
          return true;
        } catch {
          return false;
        }
      },
      close: () => db.destroy(),
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
