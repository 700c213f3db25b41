import { AppError } from '../../../src/domain/app-error';

/** The AppError a domain call refuses with; anything else (or no refusal) fails the test. */
export function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
