import type { FastifyInstance } from 'fastify';
import {
  maxPushBytes,
  pokeEventText,
  pullPageSchema,
  pullQuerySchema,
  pushAnswerSchema,
  pushAnswerToV1,
  pushRequestFromV1,
  pushRequestSchema,
  pushRequestV1Schema,
} from '../../domain/sync-protocol';
import { parseOrThrow } from '../../domain/validation';
import type { AlertDelivery } from '../alerts/alert-delivery';
import { authenticate } from '../auth/authenticate';
import type { Storage } from '../storage/storage';
import { Admission } from '../sync/admission';
import type { Pokes } from '../sync/pokes';
import { pullChanges } from '../sync/pull';
import type { PullStamps } from '../sync/pull-stamps';
import { applyPush } from '../sync/push';
import { nextTurn } from '../sync/push-group';

/** Pushes worked on at once; more wait their turn (admission.ts). */
const pushesAtOnce = 32;

export function syncRoutes(
  app: FastifyInstance,
  storage: Storage,
  pokes: Pokes,
  stamps: PullStamps,
  alerts: AlertDelivery,
): void {
  const openStreams = new Set<() => void>();
  // Shutting down ends the open poke streams; devices reconnect to the next instance.
  app.addHook('onClose', async () => {
    for (const end of openStreams) end();
  });

  const pushes = new Admission(pushesAtOnce);
  app.post(
    '/api/sync/push',
    { bodyLimit: maxPushBytes, config: { answer: pushAnswerSchema }, ...pushes.hooks() },
    async (request) => {
      const device = await authenticate(storage, request);
      // Hundreds of phones reconnecting at once wait for the database together; each goes back to
      // the event loop here, so /healthz and pulls are not held behind the whole queue.
      await nextTurn();
      const body =
        request.appProtocol >= 2
          ? parseOrThrow(pushRequestSchema, request.body, 'push')
          : pushRequestFromV1(parseOrThrow(pushRequestV1Schema, request.body, 'push'));
      const { changeSeq, alerts: raised, ...answer } = await applyPush(storage, device, body, new Date());
      // Open phones sync on the poke and fetch their alerts (the alerts' recipients poked first);
      // closed ones hear from the notifier. The answer to this push waits for neither.
      if (raised.length === 0) pokes.poke(device.event_id, changeSeq);
      else void alerts.announce(raised, 'raised', changeSeq);
      return request.appProtocol >= 2 ? answer : pushAnswerToV1(answer);
    },
  );

  app.get('/api/sync/pull', { config: { answer: pullPageSchema } }, async (request, reply) => {
    const device = await authenticate(storage, request);
    const query = parseOrThrow(pullQuerySchema, request.query, 'pull request');
    const json = await pullChanges(storage, device, { ...query, protocol: request.appProtocol }, new Date(), stamps);
    return reply.header('cache-control', 'no-store').type('application/json; charset=utf-8').send(json);
  });

  // Server-sent events: "something changed, pull". Read with fetch, so the token stays in a header.
  app.get('/api/sync/pokes', async (request, reply) => {
    const device = await authenticate(storage, request);
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    reply.raw.write(': connected\n\n');
    const stops = [pokes.subscribe(device.event_id, (seq) => reply.raw.write(pokeEventText(seq)), device.id)];
    // Proxies and phone networks drop silent connections; a comment every 25 s keeps it open.
    const heartbeat = setInterval(() => reply.raw.write(': ping\n\n'), 25_000);
    const end = () => {
      clearInterval(heartbeat);
      for (const stop of stops) stop();
      openStreams.delete(end);
      reply.raw.end();
    };
    // A signed-out phone hears nothing more, not even that something changed.
    stops.push(pokes.onSignedOut(device.id, end));
    openStreams.add(end);
    request.raw.on('close', end);
  });
}
