import * as z from 'zod/mini';

/**
 * The phrases kept in a `said` column (JSON), read with their schema. None when the row is from
 * before the column, or the column holds something else: the English beside it is told instead.
 */
export function storedSaid<T>(said: string | null, schema: z.ZodMiniType<T>): T | undefined {
  if (said === null) return undefined;
  try {
    const parsed = z.safeParse(schema, JSON.parse(said));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
