import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/server/storage/statement-cache';

describe('SQLite statement cache', () => {
  it('compiles each SQL text once and keeps the most recently used ones', () => {
    const database = new SQLite(':memory:');
    const cached = withStatementCache(database, 2);
    database.exec('create table t (x integer)');
    const insert = cached.prepare('insert into t (x) values (?)');
    expect(cached.prepare('insert into t (x) values (?)')).toBe(insert);
    insert.run([1]);
    insert.run([2]);
    const count = cached.prepare('select count(*) as n from t');
    expect(count.all([])).toEqual([{ n: 2 }]);
    // Touching the insert again makes the count the least recently used: a third text evicts it.
    cached.prepare('insert into t (x) values (?)');
    cached.prepare('select x from t');
    expect(cached.prepare('insert into t (x) values (?)')).toBe(insert);
    expect(cached.prepare('select count(*) as n from t')).not.toBe(count);
    cached.close();
    expect(database.open).toBe(false);
  });

  it('gives a statement still being iterated a fresh copy instead of failing as busy', () => {
    const database = new SQLite(':memory:');
    const cached = withStatementCache(database);
    database.exec('create table t (x integer); insert into t values (1), (2)');
    const text = 'select x from t order by x';
    const rows = cached.prepare(text).iterate([]);
    expect(rows.next().value).toEqual({ x: 1 });
    expect(cached.prepare(text).all([])).toEqual([{ x: 1 }, { x: 2 }]);
    expect(rows.next().value).toEqual({ x: 2 });
    rows.return?.();
    cached.close();
  });
});
