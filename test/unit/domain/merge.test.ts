import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/domain/issue';
import { changedByOthersSince, type FieldVersions, mergeServerChange } from '../../../src/domain/merge';
import { applyMutation } from '../../../src/domain/mutators';
import type { Actor } from '../../../src/domain/staff';

const sam: Actor = { id: 'staff-sam', name: 'Sam', role: 'staff' };
const alex: Actor = { id: 'staff-alex', name: 'Alex', role: 'coordinator' };
const issueId = '01980000-0000-7000-8000-000000000001';

function created(): { issue: Issue; fieldVersions: FieldVersions } {
  const issue = applyMutation(
    undefined,
    'createIssue',
    { id: issueId, eventId: 'festival', category: 'lost-property', summary: 'Lost phone near main stage' },
    { now: '2026-07-10T20:00:00.000Z', actor: sam, mutationUuid: 'm-1' },
  );
  const merged = mergeServerChange({
    before: undefined,
    after: issue,
    fieldVersions: {},
    baseVersion: 0,
    deviceId: 'phone-sam',
    actor: sam,
    seq: 7,
    mutationUuid: 'm-1',
    now: issue.createdAt,
  });
  return { issue: merged.issue, fieldVersions: merged.fieldVersions };
}

function edit(start: { issue: Issue; fieldVersions: FieldVersions }, baseVersion: number, deviceId: string) {
  const after = applyMutation(
    start.issue,
    'updateFields',
    { issueId, fields: { summary: 'Lost phone, black case' } },
    { now: '2026-07-10T20:05:00.000Z', actor: alex, mutationUuid: 'm-2' },
  );
  return mergeServerChange({
    before: start.issue,
    after,
    fieldVersions: start.fieldVersions,
    baseVersion,
    deviceId,
    actor: alex,
    seq: 9,
    mutationUuid: 'm-2',
    now: after.updatedAt,
  });
}

describe('field versions', () => {
  it('records a new issue as one creation version, not one per field', () => {
    expect(created().fieldVersions).toEqual({ '*': { seq: 7, deviceId: 'phone-sam', by: 'Sam' } });
  });

  it('still sees a change made without knowing the creation as a conflict', () => {
    const merged = edit(created(), 0, 'phone-alex');
    expect(merged.conflicts).toEqual(['summary']);
    expect(merged.issue.summary).toBe('Lost phone, black case');
    expect(merged.issue.timeline.at(-1)).toMatchObject({ kind: 'conflict', by: { name: 'Alex' } });
    expect(merged.fieldVersions.summary).toEqual({ seq: 9, deviceId: 'phone-alex', by: 'Alex' });
    expect(merged.fieldVersions['*']?.seq).toBe(7);
  });

  it('takes a change made on top of the creation without a conflict', () => {
    expect(edit(created(), 7, 'phone-alex').conflicts).toEqual([]);
    expect(edit(created(), 0, 'phone-sam').conflicts).toEqual([]);
  });

  it('names who changed an issue since a version, creation included', () => {
    const { fieldVersions } = edit(created(), 7, 'phone-alex');
    expect(changedByOthersSince(fieldVersions, 0, 'phone-x')).toEqual(['Sam', 'Alex']);
    expect(changedByOthersSince(fieldVersions, 7, 'phone-x')).toEqual(['Alex']);
    expect(changedByOthersSince(fieldVersions, 9, 'phone-x')).toEqual([]);
  });
});
