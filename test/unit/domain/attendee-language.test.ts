import { describe, expect, it } from 'vitest';
import { defaultEvent } from '../../../src/domain/event';
import { followUpExportRow } from '../../../src/domain/export-rows';
import type { Issue } from '../../../src/domain/issue';
import { issueSchema } from '../../../src/domain/issue-schema';
import { applyMutation, type MutationContext } from '../../../src/domain/mutators';
import { eraseAttendee, termsOfQuery } from '../../../src/domain/personal-data';
import { uuidV7 } from '../../../src/domain/uuid-v7';

const event = defaultEvent('dijkdrift-2026', 'Europe/Amsterdam');
const at = '2026-07-11T12:00:00.000Z';
const coordinator = { id: 'cora', name: 'Cora', role: 'coordinator' as const };
let n = 0;
const ctx = (): MutationContext => {
  n += 1;
  return { now: at, actor: coordinator, mutationUuid: `m-${n}` };
};

function logged(attendee: Record<string, unknown>): Issue {
  n += 1;
  return applyMutation(
    undefined,
    'createIssue',
    {
      id: uuidV7(Date.parse(at), new Uint8Array(10).fill(n)),
      eventId: event.id,
      category: 'cashless',
      summary: 'Refund not received',
      attendee,
      consentGiven: true,
    },
    ctx(),
  );
}

describe('the language an attendee spoke', () => {
  it('is recorded with their details, changed or cleared by an edit, and kept when an edit leaves it out', () => {
    const issue = logged({ name: 'Jonas Weber', email: 'jonas@example.org', language: 'de' });
    expect(issue.attendee.language).toBe('de');
    const renamed = applyMutation(
      issue,
      'updateFields',
      { issueId: issue.id, fields: { attendee: { name: 'Jonas W.' } } },
      ctx(),
    );
    expect(renamed.attendee.language).toBe('de');
    const changed = applyMutation(
      renamed,
      'updateFields',
      { issueId: issue.id, fields: { attendee: { language: 'fr' } } },
      ctx(),
    );
    expect(changed.attendee.language).toBe('fr');
    const cleared = applyMutation(changed, 'updateFields', { issueId: issue.id, fields: { attendee: { language: '' } } }, ctx());
    expect('language' in cleared.attendee).toBe(false);
  });

  it('is optional: issues stored before it was asked still read, and a nonsense code is refused', () => {
    const before = logged({ name: 'Sam' });
    expect('language' in before.attendee).toBe(false);
    expect(issueSchema.safeParse(before).success).toBe(true);
    expect(() => logged({ name: 'Sam', language: 'Deutsch' })).toThrow(/language code/);
  });

  it('goes into the follow-up export and is erased with the attendee', () => {
    const issue = logged({ name: 'Lucía', email: 'lucia@example.org', language: 'es' });
    expect(followUpExportRow(issue, event).attendee_language).toBe('es');
    const erased = eraseAttendee(issue, termsOfQuery('lucia@example.org'), {
      entryId: 'e-1',
      at,
      by: { id: 'cora', name: 'Cora' },
    });
    expect(erased?.attendee.language).toBeUndefined();
  });
});
