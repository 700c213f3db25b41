import type { HelptentDatabase } from '../../db/database';
import { saveDraft } from '../../db/draft-repository';
import { errorMessage } from '../changes';

/**
 * Keeps the stored draft at most one write behind the form. Each keystroke would otherwise
 * queue its own durable write; on a slow phone they pile up, and a tab killed then loses
 * everything still in the queue. Here only the newest state waits while one write runs.
 */
export function createDraftWriter(
  db: HelptentDatabase,
  key: string,
  /** Told when keeping the draft fails (with why) and when it works again (null). */
  onProblem: (problem: string | null) => void,
): (fields: Record<string, unknown>) => void {
  let writing = false;
  let next: Record<string, unknown> | undefined;
  const drain = async () => {
    writing = true;
    while (next) {
      const fields = next;
      next = undefined;
      await saveDraft(db, key, fields, new Date().toISOString()).then(
        () => onProblem(null),
        (error: unknown) => onProblem(errorMessage(error)),
      );
    }
    writing = false;
  };
  return (fields) => {
    next = fields;
    if (!writing) void drain();
  };
}
