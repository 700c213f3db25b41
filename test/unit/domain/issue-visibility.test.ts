import { describe, expect, it } from 'vitest';
import { issueSchema } from '../../../src/domain/issue-schema';
import { isRestricted, mayDeviceSeeIssue, restrictedStub } from '../../../src/domain/issue-visibility';
import { applyMutation } from '../../../src/domain/mutators';

const ctx = { now: '2026-07-10T12:00:00.000Z', actor: { id: 'p-sam', name: 'Sam', role: 'staff' as const }, mutationUuid: 'm-1' };
const medical = applyMutation(
  undefined,
  'createIssue',
  {
    id: '0190f0f0-0000-7000-8000-000000000001',
    eventId: 'f',
    category: 'medical-welfare',
    summary: 'Panic attack',
    attendee: { name: 'Mia' },
  },
  ctx,
);
const viewer = (role: 'staff' | 'coordinator', staffId: string) => ({ role, deviceId: `d-${staffId}`, staffId });

describe('restricted cases', () => {
  it('medical or welfare and safeguarding cases are restricted, others not', () => {
    expect(isRestricted(medical)).toBe(true);
    expect(isRestricted({ category: 'safeguarding' })).toBe(true);
    expect(isRestricted({ category: 'lost-person' })).toBe(false);
  });

  it('coordinators, the person who logged it and its owner see it; other staff do not', () => {
    expect(mayDeviceSeeIssue(viewer('coordinator', 'p-alex'), medical)).toBe(true);
    expect(mayDeviceSeeIssue(viewer('staff', 'p-sam'), medical)).toBe(true);
    expect(mayDeviceSeeIssue(viewer('staff', 'p-kim'), medical)).toBe(false);
    expect(mayDeviceSeeIssue(viewer('staff', 'p-kim'), { ...medical, owner: { id: 'p-kim', name: 'Kim' } })).toBe(true);
  });

  it('the stub holds no text, attendee or timeline beyond its creation, and is a valid issue', () => {
    const stub = restrictedStub(medical);
    expect(JSON.stringify(stub)).not.toMatch(/Panic|Mia/);
    expect(stub).toMatchObject({ restricted: true, summary: 'Restricted case', category: 'medical-welfare' });
    expect(stub.timeline).toHaveLength(1);
    expect(issueSchema.safeParse(stub).success).toBe(true);
  });
});
