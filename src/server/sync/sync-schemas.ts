import { z } from 'zod';
import { mutationNames } from '../../domain/mutation-args';

export const maxPushBatch = 1000;

export const pushBodySchema = z.object({
  clientId: z.string().min(1).max(100),
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
