import type { FastifyInstance } from 'fastify';
import { runAlertClock } from './alert-clock';

/** How often the server looks for overdue issues and alerts nobody answered. */
export const alertClockMs = 15_000;

/**
 * Runs the alert clock every 15 s on every instance (runAlertClock is safe to run on several at
 * once), then delivers what it raised or escalated: a poke for open phones, the notifier for
 * closed ones. Returns the stop function main.ts calls on shutdown.
 */
export function scheduleAlertClock(app: FastifyInstance, everyMs = alertClockMs): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { raised, escalated } = await runAlertClock(app.storage, new Date());
      if (raised.length + escalated.length === 0) return;
      app.log.info({ raised: raised.length, escalated: escalated.length }, 'alert clock: alerts raised or escalated');
      await app.alertDelivery.announce(raised, 'raised');
      await app.alertDelivery.announce(escalated, 'escalated');
    } catch (error) {
      app.log.error({ err: error }, 'the alert clock failed; it runs again in 15 s');
    } finally {
      running = false;
    }
  };
  const every = setInterval(tick, everyMs);
  every.unref();
  return () => clearInterval(every);
}
