import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/app-error';
import type { Issue } from '../../../src/domain/issue';
import { applyMutation, type MutationContext } from '../../../src/domain/mutators';
import type { Actor } from '../../../src/domain/staff';
import { nextStatuses } from '../../../src/domain/status-flow';
import { uuidV7 } from '../../../src/domain/uuid-v7';

const sam: Actor = { id: 'staff-sam', name: 'Sam', role: 'staff' };
const alex: Actor = { id: 'staff-alex', name: 'Alex', role: 'coordinator' };
let clock = Date.UTC(2026, 6, 10, 20, 0);
let seq = 0;
const ctx = (actor: Actor = sam): MutationContext => {
  clock += 60_000;
  seq += 1;
  return { now: new Date(clock).toISOString(), actor, mutationUuid: `m-${seq}` };
};
const issueId = uuidV7(clock, new Uint8Array(10).fill(7));

function create(extra: Record<string, unknown> = {}): Issue {
  return applyMutation(
    undefined,
    'createIssue',
    { id: issueId, eventId: 'festival', category: 'lost-property', summary: 'Lost phone near main stage', ...extra },
    ctx(),
  );
}

function expectError(fn: () => unknown, kind: string, message: RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe(kind);
    expect((error as AppError).message).toMatch(message);
    return;
  }
  throw new Error('expected an error');
}

describe('createIssue', () => {
  it('needs only a category and a summary, and records who logged it', () => {
    const issue = create();
    expect(issue).toMatchObject({
      id: issueId,
      status: 'open',
      severity: 'medium',
      owner: null,
      reportedBy: { id: 'staff-sam', name: 'Sam' },
      consent: { given: false, at: null },
      publicRisk: { level: 'none' },
    });
    expect(issue.timeline).toEqual([
      expect.objectContaining({ kind: 'created', text: 'Logged by Sam', by: { id: 'staff-sam', name: 'Sam' } }),
    ]);
    expect(issue.createdAt).toBe(issue.timeline[0]!.at);
  });

  it('keeps the optional details given at intake, and when consent was given', () => {
    const issue = create({
      severity: 'high',
      zoneId: 'main-stage',
      location: 'left of the sound desk',
      attendee: { name: 'Robin', email: 'robin@example.org', phone: '+31 6 1234 5678', preferredChannel: 'email' },
      consentGiven: true,
      moodAtIntake: 'upset',
      source: { kind: 'social', link: 'https://social.example/post/1' },
      tags: ['phone', 'phone', 'black'],
    });
    expect(issue.attendee).toEqual({
      name: 'Robin',
      email: 'robin@example.org',
      phone: '+31 6 1234 5678',
      ticketId: '',
      preferredChannel: 'email',
    });
    expect(issue.consent).toEqual({ given: true, at: issue.createdAt });
    expect(issue.moodAtIntake).toBe('upset');
    expect(issue.tags).toEqual(['phone', 'black']);
    expect(issue.source).toEqual({ kind: 'social', link: 'https://social.example/post/1' });
  });

  it('rejects a missing summary and a broken email with sentences naming the fields', () => {
    expectError(() => create({ summary: '   ' }), 'invalid', /summary: summary is required/);
    expectError(
      () => create({ attendee: { email: 'robin at example' } }),
      'invalid',
      /attendee\.email: does not look like an email address/,
    );
    expectError(() => create({ severity: 'catastrophic' }), 'invalid', /severity/);
    expectError(
      () => applyMutation(undefined, 'createIssue', { id: 'not-a-uuid', eventId: 'e', category: 'c', summary: 's' }, ctx()),
      'invalid',
      /id: must be a UUID/,
    );
  });

  it('refuses to create the same issue twice', () => {
    const issue = create();
    expectError(
      () => applyMutation(issue, 'createIssue', { id: issueId, eventId: 'festival', category: 'other', summary: 'x' }, ctx()),
      'invalid',
      /already saved/,
    );
  });

  it('refuses unknown changes', () => {
    expectError(() => applyMutation(create(), 'deleteEverything', {}, ctx()), 'invalid', /Unknown change "deleteEverything"/);
  });
});

describe('working an issue', () => {
  it('taking ownership of an open issue starts work on it and counts as the first response', () => {
    const c = ctx(alex);
    const issue = applyMutation(create(), 'assignOwner', { issueId, owner: { id: alex.id, name: alex.name } }, c);
    expect(issue.owner).toEqual({ id: 'staff-alex', name: 'Alex' });
    expect(issue.status).toBe('in_progress');
    expect(issue.firstResponseAt).toBe(c.now);
    expect(issue.timeline.at(-1)).toMatchObject({ kind: 'owner', text: 'Alex took ownership', by: { name: 'Alex' } });
  });

  it('a handover keeps the previous owner and the note on the timeline', () => {
    let issue = applyMutation(create(), 'assignOwner', { issueId, owner: { id: sam.id, name: sam.name } }, ctx());
    issue = applyMutation(
      issue,
      'handOver',
      { issueId, to: { id: alex.id, name: alex.name }, note: 'Attendee waits at the info tent, wants a call back' },
      ctx(),
    );
    expect(issue.owner?.name).toBe('Alex');
    expect(issue.timeline.at(-1)).toMatchObject({
      kind: 'handover',
      text: 'Handed over from Sam to Alex',
      note: 'Attendee waits at the info tent, wants a call back',
    });
    expectError(
      () => applyMutation(issue, 'handOver', { issueId, to: { id: alex.id, name: 'Alex' }, note: 'again' }, ctx()),
      'invalid-transition',
      /Alex already owns this issue/,
    );
    expectError(
      () => applyMutation(issue, 'handOver', { issueId, to: { id: sam.id, name: 'Sam' }, note: '' }, ctx()),
      'invalid',
      /handover note is required/,
    );
  });

  it('notes are appended, never replace earlier ones', () => {
    let issue = create();
    issue = applyMutation(issue, 'addNote', { issueId, text: 'Checked lost & found: not there' }, ctx());
    issue = applyMutation(issue, 'addNote', { issueId, text: 'Security has a black phone' }, ctx());
    expect(issue.timeline.filter((e) => e.kind === 'note').map((e) => e.note)).toEqual([
      'Checked lost & found: not there',
      'Security has a black phone',
    ]);
    expect(new Set(issue.timeline.map((e) => e.id)).size).toBe(issue.timeline.length);
  });

  it('records what we told the attendee, on the issue and the timeline', () => {
    const issue = applyMutation(create(), 'recordToldAttendee', { issueId, text: 'We will text you by 22:00' }, ctx());
    expect(issue.toldAttendee).toBe('We will text you by 22:00');
    expect(issue.timeline.at(-1)).toMatchObject({ kind: 'told-attendee', note: 'We will text you by 22:00' });
  });

  it('updates fields and lists what changed; an update that changes nothing leaves no trace', () => {
    const before = create();
    const after = applyMutation(
      before,
      'updateFields',
      { issueId, fields: { severity: 'urgent', zoneId: 'main-gate', summary: before.summary } },
      ctx(),
    );
    expect(after.severity).toBe('urgent');
    expect(after.timeline.at(-1)?.text).toBe('Changed severity, zone');
    expect(applyMutation(after, 'updateFields', { issueId, fields: { severity: 'urgent' } }, ctx())).toBe(after);
  });

  it('records consent time when given and clears it when withdrawn', () => {
    const c = ctx();
    const given = applyMutation(create(), 'updateFields', { issueId, fields: { consentGiven: true } }, c);
    expect(given.consent).toEqual({ given: true, at: c.now });
    const withdrawn = applyMutation(given, 'updateFields', { issueId, fields: { consentGiven: false } }, ctx());
    expect(withdrawn.consent).toEqual({ given: false, at: null });
  });

  it('flags a public risk and escalates it to comms once', () => {
    const c = ctx();
    let issue = applyMutation(create(), 'flagPublicRisk', { issueId, level: 'threatens_to_post', escalateToComms: true }, c);
    expect(issue.publicRisk).toEqual({ level: 'threatens_to_post', link: '', escalatedToComms: true, escalatedAt: c.now });
    issue = applyMutation(issue, 'flagPublicRisk', { issueId, level: 'posted', link: 'https://social.example/p/9' }, ctx());
    expect(issue.publicRisk).toMatchObject({
      level: 'posted',
      escalatedToComms: true,
      escalatedAt: c.now,
      link: 'https://social.example/p/9',
    });
    expect(issue.timeline.at(-1)?.text).toBe('Public risk: posted publicly (escalated to comms)');
    expectError(
      () => applyMutation(issue, 'flagPublicRisk', { issueId, level: 'posted', link: 'not a link' }, ctx()),
      'invalid',
      /link/,
    );
  });

  it('sets the mood at intake and at close', () => {
    let issue = applyMutation(create(), 'setMood', { issueId, stage: 'intake', mood: 'angry' }, ctx());
    issue = applyMutation(issue, 'setMood', { issueId, stage: 'close', mood: 'satisfied' }, ctx());
    expect([issue.moodAtIntake, issue.moodAtClose]).toEqual(['angry', 'satisfied']);
  });

  it('rejects a change to an issue that is not there', () => {
    expectError(() => applyMutation(undefined, 'addNote', { issueId, text: 'hello' }, ctx()), 'not-found', /not on this device/);
  });
});

describe('status flow', () => {
  it('closing needs a resolution, and keeps the mood at close', () => {
    const open = create();
    expectError(
      () => applyMutation(open, 'setStatus', { issueId, status: 'closed' }, ctx()),
      'invalid-transition',
      /Write what was done/,
    );
    const c = ctx();
    const closed = applyMutation(
      open,
      'setStatus',
      { issueId, status: 'closed', resolution: 'Phone returned', moodAtClose: 'delighted' },
      c,
    );
    expect(closed).toMatchObject({
      status: 'closed',
      resolution: 'Phone returned',
      moodAtClose: 'delighted',
      closedAt: c.now,
      resolvedAt: c.now,
    });
    expect(closed.timeline.at(-1)).toMatchObject({
      kind: 'status',
      text: 'Status: open → closed; attendee left delighted',
      note: 'Phone returned',
    });
  });

  it('refuses transitions the flow does not have, naming the possible ones', () => {
    expectError(
      () => applyMutation(create(), 'setStatus', { issueId, status: 'follow_up' }, ctx()),
      'invalid-transition',
      /open cannot be set to follow-up\. Possible next: in progress, resolved, referred, closed/,
    );
  });

  it('a resolved issue can go to follow-up, which marks follow-up as needed, then be closed', () => {
    let issue = applyMutation(create(), 'setStatus', { issueId, status: 'resolved', resolution: 'Refund promised' }, ctx());
    issue = applyMutation(issue, 'setStatus', { issueId, status: 'follow_up' }, ctx());
    expect(issue.followUp.needed).toBe(true);
    expect(issue.resolvedAt).not.toBeNull();
    issue = applyMutation(issue, 'setStatus', { issueId, status: 'closed' }, ctx());
    expect(issue.status).toBe('closed');
  });

  it('reopening clears the closing times but keeps the first response', () => {
    let issue = applyMutation(create(), 'setStatus', { issueId, status: 'closed', resolution: 'Sorted' }, ctx());
    const firstResponse = issue.firstResponseAt;
    issue = applyMutation(issue, 'setStatus', { issueId, status: 'in_progress' }, ctx());
    expect(issue).toMatchObject({ status: 'in_progress', closedAt: null, resolvedAt: null, firstResponseAt: firstResponse });
  });

  it('every status has a way forward and closed can always be reopened', () => {
    for (const status of ['open', 'in_progress', 'resolved', 'referred', 'follow_up', 'closed'] as const) {
      expect(nextStatuses(status).length).toBeGreaterThan(0);
    }
    expect(nextStatuses('closed')).toContain('in_progress');
  });
});

describe('follow-up', () => {
  it('outreach moves on only for consenting attendees who need a follow-up', () => {
    let issue = create();
    expectError(
      () => applyMutation(issue, 'setOutreach', { issueId, outreach: 'sent' }, ctx()),
      'invalid-transition',
      /needs no follow-up/,
    );
    issue = applyMutation(issue, 'setFollowUp', { issueId, needed: true, channel: 'email', reason: 'refund' }, ctx());
    expectError(
      () => applyMutation(issue, 'setOutreach', { issueId, outreach: 'sent' }, ctx()),
      'invalid-transition',
      /did not consent/,
    );
    issue = applyMutation(issue, 'updateFields', { issueId, fields: { consentGiven: true } }, ctx());
    issue = applyMutation(issue, 'setOutreach', { issueId, outreach: 'sent' }, ctx());
    expect(issue.followUp).toMatchObject({ needed: true, channel: 'email', reason: 'refund', outreach: 'sent' });
  });
});

describe('applying the same change twice', () => {
  it('is a no-op: a resent note or creation is not doubled', () => {
    const c = ctx();
    const created = applyMutation(
      undefined,
      'createIssue',
      { id: issueId, eventId: 'festival', category: 'other', summary: 'Lost keys' },
      c,
    );
    expect(
      applyMutation(created, 'createIssue', { id: issueId, eventId: 'festival', category: 'other', summary: 'Lost keys' }, c),
    ).toBe(created);
    const n = ctx();
    const noted = applyMutation(created, 'addNote', { issueId, text: 'Checked lost & found' }, n);
    expect(applyMutation(noted, 'addNote', { issueId, text: 'Checked lost & found' }, n)).toBe(noted);
    expect(noted.timeline.filter((e) => e.kind === 'note')).toHaveLength(1);
  });
});
