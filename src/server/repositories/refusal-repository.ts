import type { Kysely } from 'kysely';
import * as z from 'zod/mini';
import type { Phrase } from '../../domain/phrase';
import { phraseSchema } from '../../domain/phrase-schema';
import type { Refusal } from '../../domain/sync-protocol';
import type { RejectionsTable, ServerDatabase } from '../storage/schema';

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
    const phrase = phraseOf(row.said);
    return {
      mutationId: Number(row.mutation_id),
      mutationUuid: row.mutation_uuid,
      kind: row.kind as Refusal['kind'],
      message: row.message,
      ...(phrase ? { phrase } : {}),
    };
  });
}

/** The stored phrase; none from before 0011 (or when the column holds something else): the message alone is told. */
function phraseOf(said: string | null): Phrase | undefined {
  if (said === null) return undefined;
  try {
    const parsed = z.safeParse(phraseSchema, JSON.parse(said));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
