import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import type { Pokes } from './pokes';

/**
 * NOTIFY channels are the whole database's, but a Helptent lives in one schema of it: named
 * for the schema, a server never hears the pokes of another Helptent in the same database
 * (whose events may well have the same ids). Hashed, as a channel name is cut at 63 bytes.
 */
function channelOf(schema: string): string {
  return `helptent_pokes_${createHash('sha256').update(schema).digest('hex').slice(0, 32)}`;
}

/**
 * Relays pokes between server instances through PostgreSQL LISTEN/NOTIFY, on one dedicated
 * connection per instance. If that connection drops, devices still catch up by their timers;
 * it reconnects after a pause.
 */
export async function relayPokesThroughPostgres(pokes: Pokes, url: string, log: FastifyBaseLogger): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let closed = false;
  let channel = '';
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload) pokes.receive(message.payload);
    });
    next.on('error', (error) => {
      log.warn({ err: error }, 'poke relay connection lost; reconnecting');
      client = undefined;
      if (!closed) setTimeout(() => void connect().catch(() => undefined), 5_000);
    });
    await next.connect();
    const { rows } = await next.query<{ schema: string | null }>('select current_schema() as schema');
    channel = channelOf(rows[0]?.schema ?? 'public');
    await next.query(`listen ${channel}`);
    client = next;
  };
  await connect();
  pokes.useRelay({
    publish(message) {
      client?.query('select pg_notify($1, $2)', [channel, message]).catch((error: unknown) => {
        log.warn({ err: error }, 'could not relay a poke');
      });
    },
  });
  return async () => {
    closed = true;
    await client?.end().catch(() => undefined);
  };
}
