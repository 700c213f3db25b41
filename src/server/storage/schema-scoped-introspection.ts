import { type DatabaseIntrospector, type DatabaseMetadata, type Kysely, sql, type TableMetadata } from 'kysely';

/**
 * Kysely's migrator asks whether its bookkeeping tables exist by listing every table of every
 * schema of the database (kysely-org/kysely#1419). On a PostgreSQL database shared with other
 * schemas that come and go (another Helptent's tests, another app), that listing fails with
 * "schema … does not exist" when one is dropped mid-query, and the server did not start.
 * This introspector looks at our own schema only.
 */
class SchemaScopedIntrospector implements DatabaseIntrospector {
  constructor(
    private readonly db: Kysely<unknown>,
    private readonly schema: string,
  ) {}

  async getSchemas() {
    const { rows } = await sql<{ name: string }>`
      select nspname as name from pg_catalog.pg_namespace where nspname = ${this.schema}`.execute(this.db);
    return rows;
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; type: string }>`
      select table_name as name, table_type as type from information_schema.tables
      where table_schema = ${this.schema}`.execute(this.db);
    return rows.map((row) => ({ name: row.name, schema: this.schema, isView: row.type === 'VIEW', columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

/** The same database handle, whose `introspection` sees only `schema`. */
export function withSchemaScopedIntrospection<DB>(db: Kysely<DB>, schema: string): Kysely<DB> {
  const introspection = new SchemaScopedIntrospector(db as Kysely<unknown>, schema);
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspection;
      const value: unknown = Reflect.get(target, property, target);
      // Kysely's methods read private fields, so they must run on the real instance.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
