import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { StorageConfig } from '../config';
import { migrateToLatest } from './migrations';
import type { ServerDatabase } from './schema';
import { withStatementCache } from './statement-cache';
import {
  classifyStorageError,
  type FileIdentity,
  fileIdentity,
  type StorageProblem,
  sqliteFileGone,
  sqliteFileProblem,
} from './storage-problems';

export interface StorageHealth {
  ok: boolean;
  /** Why not, in a sentence; absent when ok. */
  reason?: string;
}

export interface Storage {
  kind: StorageConfig['kind'];
  db: Kysely<ServerDatabase>;
  /** When this database was first created (ISO 8601), kept in server_info. */
  createdAt: string;
  /** What a look at the database finds stopping writes now (SQLite: the file and its disk), or null. */
  liveProblem(): StorageProblem | null;
  /** Only whether the database file is gone (SQLite; one stat): what was just written would be lost. */
  fileGone(): StorageProblem | null;
  /** That, or a write that failed for a storage reason and nothing succeeded since: for /healthz. */
  problem(): StorageProblem | null;
  /** Why a failed statement failed, when storage is the cause; remembered until a write succeeds. */
  explainFailure(error: unknown): StorageProblem | null;
  noteWritten(): void;
  /** Answers from its own connection, so it never waits behind the writes of a busy event. */
  health(): Promise<StorageHealth>;
  close(): Promise<void>;
}

/** How long a failed write keeps /healthz at 503 when nothing succeeds after it. */
const problemMemoryMs = 60_000;

/**
 * SQLite gives up a transaction by itself when the disk is full; Kysely's ROLLBACK then fails
 * with "no transaction is active", and that error replaced the real one in the log.
 */
class SqliteDialectKeepingErrors extends SqliteDialect {
  override createDriver() {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      try {
        await rollback(connection);
      } catch (error) {
        if (!/no transaction is active/i.test((error as Error).message)) throw error;
      }
    };
    return driver;
  }
}

/**
 * A file beside the database says that this folder holds one. If the database is missing and
 * the marker is not, the file was lost (deleted, a volume not mounted): starting would create an
 * empty database and every acknowledged change would be gone without a word.
 */
function checkNotVanished(file: string, recreate: boolean): void {
  const marker = `${file}.created`;
  if (existsSync(file) || !existsSync(marker) || recreate) return;
  const created = readFileSync(marker, 'utf8').trim();
  throw new Error(
    `The database ${file} is missing, but this folder held one (created ${created}). Restore it from a backup, or start with HELPTENT_CREATE_DATABASE=1 to begin an empty one.`,
  );
}

interface OpenedSqlite {
  db: Kysely<ServerDatabase>;
  identity: FileIdentity;
  health: SQLite.Database;
}

/**
 * The database holds attendees' personal data: its file is readable by the server's user only
 * (SQLite gives its log files the same mode), in a folder only that user can list when the
 * server created it.
 */
function createPrivately(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) writeFileSync(file, '', { mode: 0o600 });
  chmodSync(file, 0o600);
}

function openSqlite(file: string, recreate: boolean): OpenedSqlite {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  checkNotVanished(file, recreate);
  createPrivately(file);
  const database = new SQLite(file);
  // WAL lets readers go on while a sync batch writes; FULL because an acknowledged push must
  // survive a power cut of the box in the info tent.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // Text a change replaces (an email someone blanked, a note an erasure redacted) is zeroed in
  // the file, not left in free space until the page is reused.
  database.pragma('secure_delete = ON');
  const health = new SQLite(file, { readonly: true, fileMustExist: true });
  return {
    db: new Kysely<ServerDatabase>({ dialect: new SqliteDialectKeepingErrors({ database: withStatementCache(database) }) }),
    identity: fileIdentity(file)!,
    health,
  };
}

// PostgreSQL sends bigint (int8) as text; our sequence numbers fit comfortably in a double.
pg.types.setTypeParser(20, (value) => Number(value));

function openPostgres(url: string): { db: Kysely<ServerDatabase>; health: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_SIZE ?? 10) });
  // One connection of its own: a pool busy with pushes does not make /healthz wait.
  const health = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 2_000, query_timeout: 2_000 });
  return { db: new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) }), health };
}

export async function openStorage(config: StorageConfig, now: () => Date = () => new Date()): Promise<Storage> {
  const sqlite = config.kind === 'sqlite' ? openSqlite(config.file, config.recreate ?? false) : null;
  const postgres = config.kind === 'postgres' ? openPostgres(config.url) : null;
  const db = (sqlite ?? postgres)!.db;
  try {
    const schema = postgres
      ? (await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : null;
    await migrateToLatest(db as Kysely<unknown>, schema ?? undefined);
    await db
      .insertInto('server_info')
      .values({ key: 'created_at', value: now().toISOString() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await db.selectFrom('server_info').select('value').where('key', '=', 'created_at').executeTakeFirstOrThrow();
    if (config.kind === 'sqlite') writeFileSync(`${config.file}.created`, `${row.value}\n`);
    let recorded: { problem: StorageProblem; at: number } | null = null;
    const liveProblem = () =>
      sqlite && config.kind === 'sqlite' ? sqliteFileProblem(config.file, sqlite.identity, config.minFreeBytes) : null;
    const problem = (): StorageProblem | null => {
      const live = liveProblem();
      if (live) return live;
      if (recorded && Date.now() - recorded.at < problemMemoryMs) return recorded.problem;
      return null;
    };
    return {
      kind: config.kind,
      db,
      createdAt: row.value,
      liveProblem,
      fileGone: () => (sqlite && config.kind === 'sqlite' ? sqliteFileGone(config.file, sqlite.identity) : null),
      problem,
      explainFailure(error) {
        const found = classifyStorageError(error, config.kind === 'sqlite' ? config.file : undefined);
        if (found) recorded = { problem: found, at: Date.now() };
        return found;
      },
      noteWritten() {
        recorded = null;
      },
      async health() {
        const found = problem();
        if (found) return { ok: false, reason: found.reason };
        try {
          if (sqlite) sqlite.health.prepare('select 1').get();
          else await postgres!.health.query('select 1');
          return { ok: true };
        } catch (error) {
          return { ok: false, reason: `The database does not answer (${(error as Error).message}).` };
        }
      },
      async close() {
        sqlite?.health.close();
        await postgres?.health.end();
        await db.destroy();
      },
    };
  } catch (error) {
    sqlite?.health.close();
    await postgres?.health.end();
    await db.destroy();
    throw error;
  }
}
