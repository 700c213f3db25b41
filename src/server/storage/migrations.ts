import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { FestivalEvent } from '../../domain/event';
import type { Issue } from '../../domain/issue';
import { overdueUnownedAt } from '../../domain/overdue-alert';
import { withSchemaScopedIntrospection } from './schema-scoped-introspection';

/**
 * Migrations live in code (not in a folder read at run time) so the bundled server carries them.
 * Names sort in the order they run; never edit one that has shipped, add the next.
 * Only portable column types (text, integer, bigint), so the same list runs on SQLite and PostgreSQL.
 */
const migrations: Record<string, Migration> = {
  '0001_server_info': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('server_info')
        .addColumn('key', 'text', (col) => col.primaryKey())
        .addColumn('value', 'text', (col) => col.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('server_info').execute();
    },
  },
  '0002_sync': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('events')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('config', 'text', (col) => col.notNull())
        .addColumn('last_change_seq', 'bigint', (col) => col.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createTable('devices')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('event_id', 'text', (col) => col.notNull().references('events.id'))
        .addColumn('staff_id', 'text', (col) => col.notNull())
        .addColumn('staff_name', 'text', (col) => col.notNull())
        .addColumn('role', 'text', (col) => col.notNull())
        .addColumn('token_hash', 'text', (col) => col.notNull().unique())
        .addColumn('last_mutation_id', 'bigint', (col) => col.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('last_seen_at', 'text')
        .addColumn('last_pushed_at', 'text')
        .addColumn('last_pulled_at', 'text')
        .addColumn('revoked_at', 'text')
        .addColumn('user_agent', 'text', (col) => col.notNull().defaultTo(''))
        .execute();
      await db.schema
        .createTable('join_codes')
        .addColumn('code_hash', 'text', (col) => col.primaryKey())
        .addColumn('event_id', 'text', (col) => col.notNull().references('events.id'))
        .addColumn('role', 'text', (col) => col.notNull())
        .addColumn('single_use', 'integer', (col) => col.notNull())
        .addColumn('created_by', 'text')
        .addColumn('expires_at', 'text', (col) => col.notNull())
        .addColumn('used_at', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createTable('issues')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('event_id', 'text', (col) => col.notNull().references('events.id'))
        .addColumn('change_seq', 'bigint', (col) => col.notNull())
        .addColumn('reported_by_device', 'text')
        .addColumn('data', 'text', (col) => col.notNull())
        .addColumn('field_versions', 'text', (col) => col.notNull())
        .execute();
      // Pull reads "this event's changes after the cursor, in order".
      await db.schema.createIndex('issues_event_change').on('issues').columns(['event_id', 'change_seq']).execute();
      await db.schema
        .createTable('rejections')
        .addColumn('device_id', 'text', (col) => col.notNull().references('devices.id'))
        .addColumn('mutation_id', 'bigint', (col) => col.notNull())
        .addColumn('mutation_uuid', 'text', (col) => col.notNull())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('message', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('rejections_pk', ['device_id', 'mutation_id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['rejections', 'issues', 'join_codes', 'devices', 'events']) await db.schema.dropTable(table).execute();
    },
  },
  '0003_export_log': {
    async up(db: Kysely<unknown>) {
      // Who took attendee data out of the system, when and how much: every export is a row here.
      await db.schema
        .createTable('export_log')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('event_id', 'text', (col) => col.notNull().references('events.id'))
        .addColumn('device_id', 'text')
        .addColumn('who', 'text', (col) => col.notNull())
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('day', 'text')
        .addColumn('format', 'text', (col) => col.notNull())
        .addColumn('rows', 'integer', (col) => col.notNull())
        .addColumn('source', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('received_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('export_log_event_received').on('export_log').columns(['event_id', 'received_at']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('export_log').execute();
    },
  },
  '0004_event_settings_and_people': {
    async up(db: Kysely<unknown>) {
      // The event's settings change through synced mutations: the change sequence of their last
      // change tells a pull whether to send them.
      await db.schema
        .alterTable('events')
        .addColumn('config_seq', 'bigint', (col) => col.notNull().defaultTo(0))
        .execute();
      // …and of the last change to its people directory: most pulls need neither, and say so cheaply.
      await db.schema
        .alterTable('events')
        .addColumn('people_seq', 'bigint', (col) => col.notNull().defaultTo(0))
        .execute();
      // The people directory every phone holds: one row per person who joined, with the change
      // sequence of their last join or of their device being signed out or back in.
      await db.schema
        .createTable('people')
        .addColumn('event_id', 'text', (col) => col.notNull().references('events.id'))
        .addColumn('id', 'text', (col) => col.notNull())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('role', 'text', (col) => col.notNull())
        .addColumn('device_id', 'text', (col) => col.notNull().references('devices.id'))
        .addColumn('joined_at', 'text', (col) => col.notNull())
        .addColumn('change_seq', 'bigint', (col) => col.notNull())
        .addPrimaryKeyConstraint('people_pk', ['event_id', 'id'])
        .execute();
      await db.schema.createIndex('people_event_change').on('people').columns(['event_id', 'change_seq']).execute();
      // Everyone who joined before the directory existed is in it from the start.
      const devices = await sql<{
        id: string;
        event_id: string;
        staff_id: string;
        staff_name: string;
        role: string;
        created_at: string;
      }>`
        select id, event_id, staff_id, staff_name, role, created_at from devices order by created_at`.execute(db);
      const seen = new Set<string>();
      for (const d of devices.rows) {
        const key = `${d.event_id}\u0000${d.staff_id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        await sql`insert into people (event_id, id, name, role, device_id, joined_at, change_seq)
          values (${d.event_id}, ${d.staff_id}, ${d.staff_name}, ${d.role}, ${d.id}, ${d.created_at}, 0)`.execute(db);
      }
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('people').execute();
      await db.schema.alterTable('events').dropColumn('people_seq').execute();
      await db.schema.alterTable('events').dropColumn('config_seq').execute();
    },
  },
  '0005_audit_log': {
    async up(db: Kysely<unknown>) {
      // Who joined, was signed out or let back in, changed settings or took attendee data out:
      // one row per action, written in the transaction of the action, never changed afterwards.
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('event_id', 'text', (col) => col.notNull().references('events.id'))
        .addColumn('at', 'text', (col) => col.notNull())
        .addColumn('actor_device_id', 'text')
        .addColumn('actor_name', 'text', (col) => col.notNull())
        .addColumn('action', 'text', (col) => col.notNull())
        .addColumn('detail', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('audit_log_event_at').on('audit_log').columns(['event_id', 'at', 'id']).execute();
      // No code path changes or removes an entry; the database refuses to as well.
      const refusal = 'The audit log is append-only: its entries are never changed or removed.';
      if (isPostgres(db)) {
        await sql
          .raw(`create function audit_log_append_only() returns trigger language plpgsql as $$
            begin raise exception '${refusal}'; end $$`)
          .execute(db);
        await sql
          .raw(`create trigger audit_log_append_only before update or delete on audit_log
            for each row execute function audit_log_append_only()`)
          .execute(db);
        await sql
          .raw(`create trigger audit_log_no_truncate before truncate on audit_log
            for each statement execute function audit_log_append_only()`)
          .execute(db);
      } else {
        for (const change of ['update', 'delete']) {
          await sql
            .raw(`create trigger audit_log_no_${change} before ${change} on audit_log
              begin select raise(abort, '${refusal}'); end`)
            .execute(db);
        }
      }
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('audit_log').execute();
      if (isPostgres(db)) await sql.raw('drop function audit_log_append_only()').execute(db);
    },
  },
  '0006_photos': {
    async up(db: Kysely<unknown>) {
      // Partial uploads live in the database, not in one server's memory or folder: an upload
      // goes on after a restart and on another instance. Its chunks are deleted once the whole
      // file is checked and written to the photo store.
      await db.schema
        .createTable('photo_uploads')
        .addColumn('device_id', 'text', (col) => col.notNull().references('devices.id'))
        .addColumn('hash', 'text', (col) => col.notNull())
        .addColumn('event_id', 'text', (col) => col.notNull().references('events.id'))
        .addColumn('total', 'integer', (col) => col.notNull())
        .addColumn('type', 'text', (col) => col.notNull())
        .addColumn('received', 'integer', (col) => col.notNull())
        .addColumn('started_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('photo_uploads_pk', ['device_id', 'hash'])
        .execute();
      await db.schema.createIndex('photo_uploads_updated').on('photo_uploads').column('updated_at').execute();
      await db.schema
        .createTable('photo_upload_chunks')
        .addColumn('device_id', 'text', (col) => col.notNull())
        .addColumn('hash', 'text', (col) => col.notNull())
        .addColumn('start', 'integer', (col) => col.notNull())
        .addColumn('bytes', isPostgres(db) ? 'bytea' : 'blob', (col) => col.notNull())
        .addPrimaryKeyConstraint('photo_upload_chunks_pk', ['device_id', 'hash', 'start'])
        .execute();
      await db.schema
        .createTable('photos')
        .addColumn('event_id', 'text', (col) => col.notNull().references('events.id'))
        .addColumn('hash', 'text', (col) => col.notNull())
        .addColumn('bytes', 'integer', (col) => col.notNull())
        .addColumn('type', 'text', (col) => col.notNull())
        .addColumn('stored_at', 'text', (col) => col.notNull())
        .addColumn('device_id', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('photos_pk', ['event_id', 'hash'])
        .execute();
      // The photo store keeps one file per hash: deleting an event's photo asks whether another event holds it.
      await db.schema.createIndex('photos_hash').on('photos').column('hash').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['photos', 'photo_upload_chunks', 'photo_uploads']) await db.schema.dropTable(table).execute();
    },
  },
  '0007_push': {
    async up(db: Kysely<unknown>) {
      // The server's VAPID key pair when none is configured: made once, here, so every instance on
      // one PostgreSQL signs with the key the phones subscribed with. One row holds both halves.
      await db.schema
        .createTable('push_keys')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('public_key', 'text', (col) => col.notNull())
        .addColumn('private_key', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      // Where to send Web Push messages for a device: one subscription per device. An endpoint
      // belongs to one browser, so a second device claiming it (a phone that joined again) takes it over.
      await db.schema
        .createTable('push_subscriptions')
        .addColumn('device_id', 'text', (col) => col.primaryKey().references('devices.id'))
        .addColumn('endpoint', 'text', (col) => col.notNull().unique())
        .addColumn('p256dh', 'text', (col) => col.notNull())
        .addColumn('auth', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('last_success_at', 'text')
        .addColumn('failures', 'integer', (col) => col.notNull().defaultTo(0))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('push_subscriptions').execute();
      await db.schema.dropTable('push_keys').execute();
    },
  },
  '0008_alerts': {
    async up(db: Kysely<unknown>) {
      // Alerts the server raised: whom they are addressed to now, who said "I'm on it" first, and
      // when their issue finished. Text only (no attendee contact details): it goes to lock screens.
      await db.schema
        .createTable('alerts')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('event_id', 'text', (col) => col.notNull().references('events.id'))
        .addColumn('issue_id', 'text', (col) => col.notNull())
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('to_person_id', 'text')
        .addColumn('raised_level', 'text', (col) => col.notNull())
        .addColumn('level', 'text', (col) => col.notNull())
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('raised_at', 'text', (col) => col.notNull())
        .addColumn('escalate_at', 'text')
        .addColumn('escalated_at', 'text')
        .addColumn('acked_by_id', 'text')
        .addColumn('acked_by_name', 'text')
        .addColumn('acked_by_device', 'text')
        .addColumn('acked_at', 'text')
        .addColumn('closed_at', 'text')
        .execute();
      // Every sync of every phone asks for "the event's alerts not closed", newest first.
      await db.schema
        .createIndex('alerts_event_open')
        .on('alerts')
        .columns(['event_id', 'raised_at'])
        .where(sql.ref('closed_at'), 'is', null)
        .execute();
      // The clock asks for "unanswered alerts due to escalate"; escalate_at is null once answered or closed.
      await db.schema.createIndex('alerts_escalate_at').on('alerts').column('escalate_at').execute();
      // One open alert per issue and kind, however many pushes or server instances raise it at once.
      await db.schema
        .createIndex('alerts_one_open_per_kind')
        .unique()
        .on('alerts')
        .columns(['issue_id', 'kind'])
        .where(sql.ref('closed_at'), 'is', null)
        .execute();
      // "Once per issue" for overdue alerts, and closing an issue's alerts, look them up by issue.
      await db.schema.createIndex('alerts_issue').on('alerts').column('issue_id').execute();
      // On duty from joining until they say otherwise, so nothing needs setting up (1 = on duty).
      await db.schema
        .alterTable('devices')
        .addColumn('on_duty', 'integer', (col) => col.notNull().defaultTo(1))
        .execute();
      await db.schema.alterTable('devices').addColumn('duty_zone_id', 'text').execute();
      // When the issue becomes overdue with no owner if nothing changes (null: never), so the
      // clock finds due issues by an index instead of reading every issue's JSON.
      await db.schema.alterTable('issues').addColumn('unowned_due_at', 'text').execute();
      await db.schema.createIndex('issues_unowned_due').on('issues').column('unowned_due_at').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('issues_unowned_due').execute();
      await db.schema.alterTable('issues').dropColumn('unowned_due_at').execute();
      await db.schema.alterTable('devices').dropColumn('duty_zone_id').execute();
      await db.schema.alterTable('devices').dropColumn('on_duty').execute();
      await db.schema.dropTable('alerts').execute();
    },
  },
  '0009_unowned_due_backfill': {
    async up(db: Kysely<unknown>) {
      // Issues stored before 0008 never got their "overdue with no owner" time, so the alert
      // clock never looked at them. Each issue without one gets it now, from its own JSON and its
      // event's response targets (null stays null: owned, answered or finished). One already past
      // is due at the clock's next tick: open and unowned past its target is what the alert is
      // for, and the clock checks again (and raises at most one per issue) before it rings.
      await backfillUnownedDueAt(db);
    },
    async down() {
      // The times are derived from the issues: nothing to undo.
    },
  },
  '0010_alert_phrases': {
    async up(db: Kysely<unknown>) {
      // An alert's title and body as phrases, so each phone says them in its person's language.
      // Alerts raised before keep their English title and body, which phones show as before.
      await db.schema.alterTable('alerts').addColumn('said', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('alerts').dropColumn('said').execute();
    },
  },
  '0011_refusal_phrases': {
    async up(db: Kysely<unknown>) {
      // A refusal's phrase, so a resend (its answer lost) is told it as the first push was, and
      // the phone says it in its person's language. Refusals from before keep their English.
      await db.schema.alterTable('rejections').addColumn('said', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('rejections').dropColumn('said').execute();
    },
  },
};

/** Rows per read of the backfill: a festival's issues in a few hundred small reads, never all at once. */
const backfillPage = 500;

async function backfillUnownedDueAt(db: Kysely<unknown>): Promise<void> {
  const events = new Map<string, FestivalEvent | null>();
  const eventOf = async (id: string) => {
    if (!events.has(id)) {
      const row = (await sql<{ config: string }>`select config from events where id = ${id}`.execute(db)).rows[0];
      events.set(id, row ? (JSON.parse(row.config) as FestivalEvent) : null);
    }
    return events.get(id) ?? null;
  };
  for (let after = ''; ; ) {
    const { rows } = await sql<{ id: string; event_id: string; data: string }>`
      select id, event_id, data from issues where unowned_due_at is null and id > ${after} order by id limit ${backfillPage}`.execute(
      db,
    );
    for (const row of rows) {
      const event = await eventOf(row.event_id);
      let due: string | null = null;
      try {
        due = event ? overdueUnownedAt(JSON.parse(row.data) as Issue, event) : null;
      } catch {
        // A damaged row stays as it is: the server keeps it aside when it is read, and so does this.
      }
      if (due !== null) await sql`update issues set unowned_due_at = ${due} where id = ${row.id}`.execute(db);
    }
    if (rows.length < backfillPage) return;
    after = rows.at(-1)!.id;
  }
}

/**
 * Which database a migration runs on, for the few statements without a portable form (triggers).
 * Kysely says it only through how it writes a parameter: $1 on PostgreSQL, ? on SQLite.
 */
function isPostgres(db: Kysely<unknown>): boolean {
  return sql`select ${1}`.compile(db).sql.includes('$1');
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * `schema` names where Kysely keeps its own bookkeeping tables. PostgreSQL needs it: without it
 * Kysely looks for them in every schema of the database, and a database whose other schema
 * already holds them (another Helptent, a parallel test) never got its own and failed to start.
 */
export async function migrateToLatest(db: Kysely<unknown>, schema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db: schema ? withSchemaScopedIntrospection(db, schema) : db,
    provider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export const migrationNames = Object.keys(migrations).sort();
