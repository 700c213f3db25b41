import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';
import type { Phrase, PhraseValue } from './phrase';

/**
 * The wire shape. Loose where a newer server may know more (a code kind this app does not know is
 * shown as its code), strict on structure.
 */
const codeSchema = lazySchema(() => z.object({ of: z.string(), code: z.string() }));
export const phraseSchema: z.ZodMiniType<Phrase> = lazySchema(() =>
  z.object({
    id: z.string(),
    get values() {
      return z.exactOptional(z.record(z.string(), phraseValueSchema));
    },
  }),
);
export const phraseValueSchema: z.ZodMiniType<PhraseValue> = lazySchema(() =>
  z.union([
    z.string(),
    z.number(),
    codeSchema,
    z.lazy(() => phraseSchema),
    z.array(z.union([z.string(), codeSchema, z.lazy(() => phraseSchema)])),
  ]),
);
