import type { Kysely } from 'kysely';
import type { JoinCodesTable, ServerDatabase } from '../storage/schema';

type Db = Kysely<ServerDatabase>;

export async function insertJoinCode(db: Db, code: JoinCodesTable): Promise<void> {
  await db.insertInto('join_codes').values(code).execute();
}

export function findJoinCode(db: Db, codeHash: string): Promise<JoinCodesTable | undefined> {
  return db.selectFrom('join_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
}

/** Takes a single-use code; false when another device took it first, even at the same moment. */
export async function claimJoinCode(trx: Db, codeHash: string, at: string): Promise<boolean> {
  const claimed = await trx
    .updateTable('join_codes')
    .set({ used_at: at })
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}
