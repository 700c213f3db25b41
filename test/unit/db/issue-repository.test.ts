import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HelptentDatabase } from '../../../src/db/database';
import { clearDraft, readDraft, saveDraft } from '../../../src/db/draft-repository';
import { importIssues, readIssue, readQueue } from '../../../src/db/issue-repository';
import { emptyFilter, filterQueue } from '../../../src/db/queue-filter';
import { saveChange, saveChanges } from '../../../src/db/save-change';
import { AppError } from '../../../src/domain/app-error';
import { defaultEvent, type FestivalEvent } from '../../../src/domain/event';
import type { MutationContext } from '../../../src/domain/mutators';
import type { Actor } from '../../../src/domain/staff';
import { uuidV7 } from '../../../src/domain/uuid-v7';

const sam: Actor = { id: 'staff-sam', name: 'Sam', role: 'staff' };
const event: FestivalEvent = { ...defaultEvent('festival', 'Europe/Amsterdam') };
let db: HelptentDatabase;
let n = 0;
const newId = () => uuidV7(Date.UTC(2026, 6, 10) + n, new Uint8Array(10).fill(++n));
const context = (now = '2026-07-10T20:00:00.000Z'): MutationContext => ({ now, actor: sam, mutationUuid: newId() });

beforeEach(async () => {
  db = new HelptentDatabase(`repo-test-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

async function logIssue(summary = 'Lost phone', now?: string) {
  const id = newId();
  return saveChange(db, event, {
    name: 'createIssue',
    args: { id, eventId: event.id, category: 'lost-property', summary },
    context: context(now),
  });
}

describe('saving a change', () => {
  it('writes the issue, its queue row and its outbox entry together, numbering outbox entries 1, 2, 3', async () => {
    const first = await logIssue('Lost phone');
    const second = await saveChange(db, event, {
      name: 'addNote',
      args: { issueId: first.issue.id, text: 'Checked lost & found' },
      context: context(),
    });
    expect([first.mutationId, second.mutationId]).toEqual([1, 2]);
    expect((await readIssue(db, first.issue.id))?.timeline).toHaveLength(2);
    expect(await db.queue.get(first.issue.id)).toMatchObject({ summary: 'Lost phone', day: '2026-07-10', status: 'open' });
    const outbox = await db.unsentChanges.toArray();
    expect(outbox.map((e) => [e.mutationId, e.name, e.issueId])).toEqual([
      [1, 'createIssue', first.issue.id],
      [2, 'addNote', first.issue.id],
    ]);
  });

  it('leaves neither the issue nor the outbox entry when the outbox write fails', async () => {
    const saved = await logIssue();
    const before = await readIssue(db, saved.issue.id);
    // An argument the database cannot store makes the outbox write fail after the issue write.
    const args = { issueId: saved.issue.id, text: 'a note', unstorable: () => 1 };
    await expect(saveChange(db, event, { name: 'addNote', args, context: context() })).rejects.toBeInstanceOf(AppError);
    expect(await readIssue(db, saved.issue.id)).toEqual(before);
    expect(await db.unsentChanges.count()).toBe(1);
  });

  it('changes saved together (both sides of a match) are all kept, or none when one is refused', async () => {
    const phone = await logIssue('Found phone');
    const report = await logIssue('Lost phone');
    const note = (issueId: string, text: string) => ({ name: 'addNote' as const, args: { issueId, text }, context: context() });
    const refused = { name: 'setStatus' as const, args: { issueId: report.issue.id, status: 'closed' }, context: context() };
    await expect(saveChanges(db, event, [note(phone.issue.id, 'Matched'), refused])).rejects.toMatchObject({
      kind: 'invalid-transition',
    });
    expect((await readIssue(db, phone.issue.id))?.timeline).toHaveLength(1);
    expect(await db.unsentChanges.count()).toBe(2);

    const saved = await saveChanges(db, event, [note(phone.issue.id, 'Matched'), note(report.issue.id, 'Matched')]);
    expect(saved.map((s) => s.mutationId)).toEqual([3, 4]);
    expect((await readIssue(db, phone.issue.id))?.timeline).toHaveLength(2);
    expect((await readIssue(db, report.issue.id))?.timeline).toHaveLength(2);
  });

  it('an invalid change is refused with its reason and touches nothing stored', async () => {
    const saved = await logIssue();
    const error = await saveChange(db, event, {
      name: 'setStatus',
      args: { issueId: saved.issue.id, status: 'closed' },
      context: context(),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid-transition' });
    expect((await readIssue(db, saved.issue.id))?.status).toBe('open');
    expect(await db.unsentChanges.count()).toBe(1);
  });

  it('a full disk is reported as such and nothing is half-written', async () => {
    const saved = await logIssue();
    db.unsentChanges.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await saveChange(db, event, {
      name: 'addNote',
      args: { issueId: saved.issue.id, text: 'x' },
      context: context(),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'quota' });
    expect((error as AppError).message).toMatch(/What you typed is still here/);
    expect((await readIssue(db, saved.issue.id))?.timeline).toHaveLength(1);
  });

  it('saving a new issue removes the capture draft in the same transaction', async () => {
    await saveDraft(db, 'capture', { summary: 'Lost phone' }, '2026-07-10T20:00:00.000Z');
    const id = newId();
    await saveChange(db, event, {
      name: 'createIssue',
      args: { id, eventId: event.id, category: 'lost-property', summary: 'Lost phone' },
      context: context(),
      clearDraftKey: 'capture',
    });
    expect(await readDraft(db, 'capture')).toBeUndefined();
  });
});

describe('drafts', () => {
  it('survive closing and reopening the database', async () => {
    await saveDraft(db, 'capture', { summary: 'Lost ph', category: 'lost-property' }, '2026-07-10T20:00:00.000Z');
    db.close();
    const reopened = new HelptentDatabase(db.name);
    await reopened.open();
    expect(await readDraft(reopened, 'capture')).toEqual({ summary: 'Lost ph', category: 'lost-property' });
    await clearDraft(reopened, 'capture');
    expect(await readDraft(reopened, 'capture')).toBeUndefined();
    reopened.close();
    await db.open();
  });
});

describe('the queue', () => {
  it('lists newest first and files night issues under the festival day before', async () => {
    await logIssue('Early evening', '2026-07-10T17:00:00.000Z');
    await logIssue('After the headliner', '2026-07-10T23:30:00.000Z'); // 01:30 Saturday in Amsterdam
    await logIssue('Saturday lunch', '2026-07-11T10:00:00.000Z');
    const rows = await readQueue(db, event.id);
    expect(rows.map((r) => [r.summary, r.day])).toEqual([
      ['Saturday lunch', '2026-07-11'],
      ['After the headliner', '2026-07-10'],
      ['Early evening', '2026-07-10'],
    ]);
  });

  it('filters by the clock hour an issue was logged in, across the night', async () => {
    await logIssue('Before midnight', '2026-07-10T21:59:00.000Z'); // 23:59 in Amsterdam
    const night = await logIssue('After midnight', '2026-07-10T22:00:00.000Z'); // 00:00
    await logIssue('Next afternoon', '2026-07-11T12:00:00.000Z'); // 14:00, the next festival day
    const rows = await readQueue(db, event.id);
    const shown = (filter: Partial<typeof emptyFilter>) =>
      filterQueue(rows, { ...emptyFilter, status: 'all', ...filter }, null).map((r) => r.summary);
    expect(shown({ day: '2026-07-10', hour: '0' })).toEqual(['After midnight']);
    expect(shown({ day: '2026-07-10', hour: '23' })).toEqual(['Before midnight']);
    expect(shown({ hour: '14' })).toEqual(['Next afternoon']);
    expect(shown({ day: '2026-07-11', hour: '0' })).toEqual([]);
    expect((await db.queue.get(night.issue.id))?.hour).toBe(0);
  });

  it('filters by status, owner, public risk, day and words in any order', async () => {
    const a = await logIssue('Lost black phone near main stage');
    const b = await logIssue('Refund for cashless top-up');
    await saveChange(db, event, {
      name: 'assignOwner',
      args: { issueId: a.issue.id, owner: { id: sam.id, name: sam.name } },
      context: context(),
    });
    await saveChange(db, event, {
      name: 'flagPublicRisk',
      args: { issueId: b.issue.id, level: 'threatens_to_post' },
      context: context(),
    });
    const rows = await readQueue(db, event.id);
    expect(filterQueue(rows, { ...emptyFilter, mine: true }, sam.id).map((r) => r.id)).toEqual([a.issue.id]);
    expect(filterQueue(rows, { ...emptyFilter, publicRisk: true }, sam.id).map((r) => r.id)).toEqual([b.issue.id]);
    expect(filterQueue(rows, { ...emptyFilter, text: 'PHONE black' }, null).map((r) => r.id)).toEqual([a.issue.id]);
    expect(filterQueue(rows, { ...emptyFilter, text: 'lost property' }, null).map((r) => r.id)).toEqual([b.issue.id, a.issue.id]);
    expect(filterQueue(rows, { ...emptyFilter, status: 'in_progress' }, null).map((r) => r.id)).toEqual([a.issue.id]);
    expect(filterQueue(rows, { ...emptyFilter, day: '2026-07-09' }, null)).toEqual([]);
  });

  it('imports issues from elsewhere without queueing them for the server', async () => {
    const saved = await logIssue();
    await db.delete();
    db = new HelptentDatabase(`repo-test-${Math.random()}`);
    await importIssues(db, event, [saved.issue]);
    expect(await db.unsentChanges.count()).toBe(0);
    expect((await readQueue(db, event.id)).map((r) => r.id)).toEqual([saved.issue.id]);
  });
});
