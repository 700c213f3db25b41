import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/app-error';
import {
  pushKeyAnswerSchema,
  pushKeyPath,
  pushRemovedAnswerSchema,
  pushSubscribedAnswerSchema,
  pushSubscriptionPath,
  pushSubscriptionRequestSchema,
} from '../../domain/push-protocol';
import { parseOrThrow } from '../../domain/validation';
import { authenticate, bearerToken } from '../auth/authenticate';
import { hashSecret } from '../auth/secrets';
import { subscriptionProblem, unpadded } from '../push/subscription-check';
import { deletePushSubscription, savePushSubscription } from '../repositories/push-subscription-repository';
import type { Storage } from '../storage/storage';

export interface PushRouteOptions {
  publicKey: string;
  allowPrivateEndpoints: boolean;
}

/**
 * Counted per device rather than per address: at a festival hundreds of phones share the site
 * Wi-Fi's one public address, and one looping phone must not stop the others subscribing.
 */
const perDevice = {
  max: 30,
  timeWindow: '1 minute',
  keyGenerator: (request: FastifyRequest) => {
    const token = bearerToken(request);
    return token ? `device:${hashSecret(token)}` : `ip:${request.ip}`;
  },
};

/** Where a signed-in device's Web Push messages go (push-protocol.ts describes the routes). */
export function pushRoutes(app: FastifyInstance, storage: Storage, options: PushRouteOptions): void {
  app.get(pushKeyPath, { config: { rateLimit: perDevice, answer: pushKeyAnswerSchema } }, async (request) => {
    await authenticate(storage, request);
    return { publicKey: options.publicKey };
  });

  app.put(pushSubscriptionPath, { config: { rateLimit: perDevice, answer: pushSubscribedAnswerSchema } }, async (request) => {
    const device = await authenticate(storage, request);
    const subscription = parseOrThrow(pushSubscriptionRequestSchema, request.body, 'push subscription');
    const problem = subscriptionProblem(subscription, options.allowPrivateEndpoints);
    if (problem) throw new AppError('invalid', problem);
    await savePushSubscription(storage.db, {
      device_id: device.id,
      endpoint: subscription.endpoint,
      p256dh: unpadded(subscription.keys.p256dh),
      auth: unpadded(subscription.keys.auth),
      created_at: new Date().toISOString(),
    });
    return { subscribed: true as const };
  });

  app.delete(pushSubscriptionPath, { config: { rateLimit: perDevice, answer: pushRemovedAnswerSchema } }, async (request) => {
    const device = await authenticate(storage, request);
    return { removed: await deletePushSubscription(storage.db, device.id) };
  });
}
