import type { FastifyInstance } from 'fastify';
import { runDueRetention } from './retention';

/** How often the server looks for events whose retention period has ended. */
export const retentionCheckMs = 60 * 60 * 1000;

/**
 * Runs the retention purge shortly after start and then every hour, on every instance (the
 * event's row lock and the purged mark make a second run find nothing to do). Devices are poked
 * so open phones pull the purged issues at once.
 */
export function scheduleRetention(app: FastifyInstance, everyMs = retentionCheckMs, firstAfterMs = 10_000): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      for (const done of await runDueRetention(app.storage, new Date())) {
        app.log.info(
          { eventId: done.eventId, issuesChanged: done.issuesChanged },
          'retention period ended: attendee personal data removed',
        );
        app.pokes.poke(done.eventId, done.changeSeq);
      }
    } catch (error) {
      app.log.error({ err: error }, 'the retention purge failed; it runs again within the hour');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(run, firstAfterMs);
  const every = setInterval(run, everyMs);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
