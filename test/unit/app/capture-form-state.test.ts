import { describe, expect, it } from 'vitest';
import { captureFromDraft, createIssueArgs, emptyCapture, isEmptyCapture } from '../../../src/app/capture/capture-form-state';
import { applyMutation } from '../../../src/domain/mutators';
import { uuidV7 } from '../../../src/domain/uuid-v7';

const id = uuidV7(Date.UTC(2026, 6, 10), new Uint8Array(10));
const ctx = { now: '2026-07-10T20:00:00.000Z', actor: { id: 's', name: 'Sam', role: 'staff' as const }, mutationUuid: 'm1' };

describe('the capture form', () => {
  it('turns a minimal form (category + summary) into a valid new issue', () => {
    const args = createIssueArgs({ ...emptyCapture, category: 'lost-property', summary: 'Lost keys' }, id, 'festival');
    const issue = applyMutation(undefined, 'createIssue', args, ctx);
    expect(issue).toMatchObject({ summary: 'Lost keys', category: 'lost-property', zoneId: null, consent: { given: false } });
    expect(args).not.toHaveProperty('attendee');
    expect(args).not.toHaveProperty('publicRisk');
  });

  it('carries contact, consent, mood and public risk when given', () => {
    const args = createIssueArgs(
      {
        ...emptyCapture,
        category: 'cashless',
        summary: 'Charged twice',
        attendeeName: 'Robin',
        email: 'robin@example.org',
        consentGiven: true,
        moodAtIntake: 'angry',
        publicRisk: 'threatens_to_post',
        escalateToComms: true,
        sourceKind: 'social',
        sourceLink: 'https://social.example/p/1',
      },
      id,
      'festival',
    );
    const issue = applyMutation(undefined, 'createIssue', args, ctx);
    expect(issue.attendee).toMatchObject({ name: 'Robin', email: 'robin@example.org' });
    expect(issue.consent).toEqual({ given: true, at: ctx.now });
    expect(issue.publicRisk).toMatchObject({ level: 'threatens_to_post', escalatedToComms: true });
    expect(issue.source).toEqual({ kind: 'social', link: 'https://social.example/p/1' });
    expect(issue.timeline[0]?.text).toBe('Logged by Sam; Public risk: threatens to post (escalated to comms)');
  });

  it('restores what fits from a draft and ignores what does not', () => {
    const restored = captureFromDraft({ summary: 'Lost ph', category: 'lost-property', consentGiven: 'yes', unknownField: 1 });
    expect(restored).toEqual({ ...emptyCapture, summary: 'Lost ph', category: 'lost-property' });
    expect(isEmptyCapture(captureFromDraft(undefined))).toBe(true);
  });
});
