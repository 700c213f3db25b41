import type { Kysely } from 'kysely';
import type { Issue } from '../../domain/issue';
import { rewordAlertsOf } from '../alerts/reword-alerts';
import { lockEventChanges, saveLastChangeSeq } from '../repositories/event-repository';
import type { ServerDatabase } from '../storage/schema';
import type { Storage } from '../storage/storage';

type Db = Kysely<ServerDatabase>;

/** Issues read per page: an event's 20,000 issues are never all held at once. */
const pageSize = 500;

/**
 * Every issue of the event, a page at a time, handed to `visit`; with `only`, just
 * those whose stored text it keeps (parsing 20,000 issues to find the few that name someone cost
 * seconds).
 */
export async function forEachEventIssue(
  db: Db,
  eventId: string,
  visit: (issue: Issue) => void | Promise<void>,
  only?: (row: { id: string; data: string }) => boolean,
): Promise<void> {
  // In change order, along the (event_id, change_seq) index: by id, every page sorted all the
  // event's rows again (2.8 s to read 20,000 issues instead of a fraction of that).
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('issues')
      .select(['id', 'data', 'change_seq'])
      .where('event_id', '=', eventId)
      .where('change_seq', '>', after)
      .orderBy('change_seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) if (!only || only(row)) await visit(JSON.parse(row.data) as Issue);
    if (rows.length < pageSize) return;
    after = Number(rows.at(-1)!.change_seq);
  }
}

export interface Rewritten {
  issuesChanged: number;
  /** The event's change sequence after the rewrite: phones pull the changed issues from it. */
  changeSeq: number;
}

/**
 * Rewrites the event's issues that `change` returns a new version of, in one transaction, each
 * under a change sequence of its own so every phone pulls it like any other change, and their
 * alerts' words with them. The event's row is taken first, as pushes take it, so nothing is
 * pushed in between.
 */
export async function rewriteEventIssues(
  storage: Storage,
  eventId: string,
  change: (issue: Issue) => Issue | null,
  /** More to write in the same transaction, knowing how many issues changed. */
  more?: (trx: Db, nextSeq: () => number, issuesChanged: number) => Promise<void>,
  only?: (row: { id: string; data: string }) => boolean,
): Promise<Rewritten> {
  return storage.db.transaction().execute(async (trx) => {
    let seq = await lockEventChanges(trx, eventId);
    let issuesChanged = 0;
    const changed: Issue[] = [];
    await forEachEventIssue(
      trx,
      eventId,
      (issue) => {
        const next = change(issue);
        if (next) changed.push(next);
      },
      only,
    );
    for (const issue of changed) {
      seq += 1;
      issuesChanged += 1;
      await trx
        .updateTable('issues')
        .set({ data: JSON.stringify(issue), change_seq: seq })
        .where('id', '=', issue.id)
        .execute();
    }
    await rewordAlertsOf(trx, eventId, changed);
    if (more) {
      const nextSeq = () => {
        seq += 1;
        return seq;
      };
      await more(trx, nextSeq, issuesChanged);
    }
    await saveLastChangeSeq(trx, eventId, seq);
    return { issuesChanged, changeSeq: seq };
  });
}
