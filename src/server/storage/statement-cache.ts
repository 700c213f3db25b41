import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Kysely asks the driver to prepare every query it runs, and SQLite compiles each one anew: a
 * push batch's 500-row insert (3,000 parameters) and its 500-id lookup were compiled for every
 * batch. The same SQL text gets the same compiled statement back. A statement still being
 * iterated (a streamed query) is busy and cannot run again, so that case gets a fresh one.
 */
export function withStatementCache(database: Database, capacity = 256): SqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement?.busy) return database.prepare(sql);
      if (statement) {
        // Lists of ids make SQL texts of every length: the ones not used for longest make room.
        statements.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (statements.size >= capacity) statements.delete(statements.keys().next().value as string);
      }
      statements.set(sql, statement);
      return statement;
    },
    close() {
      statements.clear();
      database.close();
    },
  };
}
