import type { Kysely } from 'kysely';
import { phraseSchema } from '../../domain/phrase-schema';
import type { Refusal } from '../../domain/sync-protocol';
import type { RejectionsTable, ServerDatabase } from '../storage/schema';
import { storedSaid } from './stored-said';

type Db = Kysely<ServerDatabase>;

/** A change the server will never apply, kept with its reason so a resend is told the same. */
export async function recordRefusal(trx: Db, refusal: RejectionsTable): Promise<void> {
  await trx.insertInto('rejections').values(refusal).execute();
}

/** This device's refusals among these mutation ids, including ones an earlier try recorded. */
export async function readRefusals(db: Db, deviceId: string, mutationIds: number[]): Promise<Refusal[]> {
  if (mutationIds.length === 0) return [];
  const rows = await db
    .selectFrom('rejections')
    .select(['mutation_id', 'mutation_uuid', 'kind', 'message', 'said'])
    .where('device_id', '=', deviceId)
    .where('mutation_id', 'in', mutationIds)
    .orderBy('mutation_id')
    .execute();
  return rows.map((row) => {
    // None from before 0011: the message alone is told.
    const phrase = storedSaid(row.said, phraseSchema);
    return {
      mutationId: Number(row.mutation_id),
      mutationUuid: row.mutation_uuid,
      kind: row.kind as Refusal['kind'],
      message: row.message,
      ...(phrase ? { phrase } : {}),
    };
  });
}
