import type { FastifyInstance } from 'fastify';
import { AppError } from '../domain/app-error';
import { holdsUnstorableText } from '../domain/storable-text';

/**
 * Strings PostgreSQL cannot store (a NUL character) or that are not text at all (half of a
 * surrogate pair) are refused for the whole request on both backends, before anything is stored:
 * on PostgreSQL they failed deep inside a transaction with a 500, and a refused change holding
 * one stuck its phone's outbox. Phones clean what was typed before they save (storableDeep).
 */
const escapedSuspect = /\\u(0000|d[89a-f][0-9a-f]{2})/i;

export const unstorableMessage =
  'This request holds a character that cannot be stored (a NUL character or half of an emoji). Remove it and try again.';

/**
 * Fastify's own JSON parser (it refuses prototype poisoning), plus the check above. Raw NUL or
 * lone surrogates cannot survive UTF-8 decoding as valid JSON, so only a body whose text holds
 * such an escape is walked: an ordinary push pays one regular expression scan.
 */
export function jsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, body as string, (error, parsed) => {
      if (error) return done(error, undefined);
      if (escapedSuspect.test(body as string) && holdsUnstorableText(parsed)) {
        return done(new AppError('invalid', unstorableMessage), undefined);
      }
      done(null, parsed);
    });
  });
}
