import type { z } from 'zod';
import { AppError } from './app-error';

/**
 * Parses untrusted input with a zod schema, turning failures into an `invalid` AppError whose
 * message names every field that is wrong, so the person (or client) knows what to fix.
 */
export function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.join('.') : '(root)',
    message: issue.message,
  }));
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
  throw new AppError('invalid', `The ${what} is not valid — ${summary}.`, details);
}
