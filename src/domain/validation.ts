import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';
import { AppError } from './app-error';

// zod/mini keeps the phone bundle small but ships without messages; English it is.
z.config(en());

/**
 * Parses untrusted input with a zod schema, turning failures into an `invalid` AppError whose
 * message names every field that is wrong, so the person (or client) knows what to fix.
 */
export function parseOrThrow<T>(schema: $ZodType<T>, input: unknown, what: string): T {
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.join('.') : '(root)',
    message: issue.message,
  }));
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
  throw new AppError('invalid', `The ${what} is not valid — ${summary}.`, details);
}
