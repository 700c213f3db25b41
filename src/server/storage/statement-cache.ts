import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Kysely asks the driver to prepare every query it runs, and SQLite compiles each one anew: a
 * push batch's 500-row insert (3,000 parameters) and its 500-id lookup were compiled for every
 * batch. The same SQL text gets the same compiled statement back. better-sqlite3 runs a
 * statement to completion before returning, so one statement is never in use twice at once.
 */
export function withStatementCache(database: Database, capacity = 256): SqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) {
        // Least recently used goes first: a hit moves to the back.
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
