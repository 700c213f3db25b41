import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/domain/issue';
import { issueSchema } from '../../../src/domain/issue-schema';
import { withoutFinishedDescription } from '../../../src/domain/lost-person-visibility';
import { applyMutation, type MutationContext } from '../../../src/domain/mutators';
import { purgePersonalData } from '../../../src/domain/personal-data';
import type { Actor } from '../../../src/domain/staff';
import { uuidV7 } from '../../../src/domain/uuid-v7';

const sam: Actor = { id: 'staff-sam', name: 'Sam', role: 'staff' };
let n = 0;
const ctx = (): MutationContext => ({
  now: new Date(Date.UTC(2026, 6, 10, 15, n)).toISOString(),
  actor: sam,
  mutationUuid: `m-${++n}`,
});
const id = uuidV7(Date.UTC(2026, 6, 10), new Uint8Array(10).fill(5));
const description = {
  name: 'Noah',
  age: 'about 6',
  clothing: 'yellow raincoat, blue boots',
  lastSeenPlace: 'Dance tent entrance',
  lastSeenAt: '2026-07-10T14:50:00.000Z',
  lookingForThem: 'Mother, waiting at the info tent',
};
const missing = () =>
  applyMutation(
    undefined,
    'createIssue',
    {
      id,
      eventId: 'festival',
      category: 'lost-person',
      severity: 'urgent',
      summary: 'Lost child: Noah',
      lostPerson: description,
    },
    ctx(),
  );
const change = (issue: Issue, name: string, args: Record<string, unknown>) =>
  applyMutation(issue, name, { issueId: id, ...args }, ctx());

describe('a lost person', () => {
  it('is logged with a description, found, and reunited with who collected them and the ID checked', () => {
    let issue = missing();
    expect(issue.lostPerson).toMatchObject({ state: 'missing', description });
    expect(issue.timeline.at(-1)?.text).toBe('Lost person reported, with a description for everyone on duty');
    expect(JSON.stringify(issue.timeline)).not.toMatch(/raincoat/);
    issue = change(issue, 'markPersonFound', { where: 'Info tent, with steward Kim' });
    expect(issue.lostPerson).toMatchObject({ state: 'found', foundWhere: 'Info tent, with steward Kim' });
    expect(() => change(issue, 'markPersonFound', { where: 'again' })).toThrow(/already found/);
    issue = change(issue, 'reunitePerson', {
      collectedBy: 'Eva de Boer',
      relation: 'mother',
      idKind: 'driving_licence',
      idLast4: '5521',
    });
    expect(issue.status).toBe('resolved');
    expect(issue.lostPerson?.reunion).toMatchObject({ collectedBy: 'Eva de Boer', relation: 'mother', idLast4: '5521' });
    expect(issue.timeline.at(-1)?.text).toBe(
      'Reunited with the person collecting them (mother); their driving licence was checked',
    );
    expect(issueSchema.safeParse(issue).success).toBe(true);
  });

  it('phones receive the description only while the case is open', () => {
    const open = missing();
    expect(withoutFinishedDescription(open)).toBe(open);
    const reunited = change(open, 'reunitePerson', { collectedBy: 'Eva', relation: '', idKind: 'passport', idLast4: '1' });
    const sent = withoutFinishedDescription(reunited);
    expect(sent.lostPerson?.description).toBeNull();
    expect(sent.lostPerson?.reunion?.collectedBy).toBe('');
    expect(JSON.stringify(sent.lostPerson)).not.toMatch(/raincoat|Eva/);
    expect(issueSchema.safeParse(sent).success).toBe(true);
  });

  it('the retention period removes the description and the collector', () => {
    const stamp = { entryId: 'r', at: '2026-09-01T00:00:00.000Z', by: { id: 'x', name: 'Retention' } };
    const purged = purgePersonalData(missing(), stamp);
    expect(purged?.lostPerson?.description).toBeNull();
  });
});

describe('the lost-person alert', () => {
  it('carries the description', async () => {
    const { alertText } = await import('../../../src/domain/alerts');
    expect(alertText(missing(), 'lost-person', { zones: [] }).body).toBe(
      'Noah, age about 6, wearing yellow raincoat, blue boots, last seen at Dance tent entrance',
    );
  });
});
