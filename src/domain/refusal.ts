import { AppError, type ErrorKind } from './app-error';
import type { Phrase } from './phrase';
import { phraseText } from './phrase-text';

/**
 * An error whose message is a phrase: its English text is the message (logs, the server's
 * answers), the phrase is what a phone says. Apart from app-error.ts, which every screen loads.
 */
export function refusal(kind: ErrorKind, phrase: Phrase): AppError {
  const error = new AppError(kind, phraseText(phrase));
  error.phrase = phrase;
  return error;
}
