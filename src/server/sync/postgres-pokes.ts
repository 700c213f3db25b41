import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import type { Pokes } from './pokes';

const channel = 'helptent_pokes';

/**
 * Relays pokes between server instances through PostgreSQL LISTEN/NOTIFY, on one dedicated
 * connection per instance. If that connection drops, devices still catch up by their timers;
 * it reconnects after a pause.
 */
export async function relayPokesThroughPostgres(pokes: Pokes, url: string, log: FastifyBaseLogger): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let closed = false;
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
