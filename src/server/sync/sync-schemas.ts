import { z } from 'zod';
import { mutationNames } from '../../domain/mutation-args';

export const maxPushBatch = 1000;

export const pushBodySchema = z.object({
  clientId: z.string().min(1).max(100),
  /**
   * The last mutation id of the batch this device sent just before this one, when it sends
   * without waiting for that batch's answer. The server applies this batch only once it has
   * that one: a later batch must never move the device's last applied id past changes that
   * have not arrived.
   */
  after: z.number().int().min(0).optional(),
  mutations: z
    .array(
      z.object({
        /** The device's increasing mutation number (1, 2, 3…). */
        id: z.number().int().positive(),
        mutationId: z.string().min(1).max(100),
        name: z.enum(mutationNames as [string, ...string[]], { message: 'is not a known change' }),
        args: z.unknown(),
        /** Device clock when the person made the change: for display, never for ordering. */
        createdAt: z.iso.datetime({ offset: true }),
        actor: z.object({ id: z.string().min(1).max(100), name: z.string().min(1).max(100) }),
        /** Server version of the issue the device had when the change was made (0 = none). */
        baseVersion: z.number().int().min(0),
      }),
    )
    .max(maxPushBatch, `at most ${maxPushBatch} changes per push`),
});
export type PushBody = z.infer<typeof pushBodySchema>;

export const pullQuerySchema = z.object({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
