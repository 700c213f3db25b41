import type { Kysely } from 'kysely';
import { alertText } from '../../domain/alerts';
import type { Issue } from '../../domain/issue';
import { withheldFromStaff } from '../../domain/personal-data';
import { readEvent } from '../repositories/event-repository';
import type { ServerDatabase } from '../storage/schema';

/**
 * An erasure or the retention run rewrote these issues: the words of their alerts are written
 * again from them, so no alert keeps what was removed from its issue. Alerts are few; the issues
 * that have some are found with one query.
 */
export async function rewordAlertsOf(trx: Kysely<ServerDatabase>, eventId: string, issues: Issue[]): Promise<void> {
  if (issues.length === 0) return;
  const alerts = await trx.selectFrom('alerts').select(['id', 'issue_id', 'kind']).where('event_id', '=', eventId).execute();
  if (alerts.length === 0) return;
  const byId = new Map(issues.map((issue) => [issue.id, issue]));
  const event = await readEvent(trx, eventId);
  for (const alert of alerts) {
    const issue = byId.get(alert.issue_id);
    if (!issue) continue;
    const { title, body, said } = alertText(withheldFromStaff(issue), alert.kind, event);
    await trx
      .updateTable('alerts')
      .set({ title, body, said: JSON.stringify(said) })
      .where('id', '=', alert.id)
      .execute();
  }
}
