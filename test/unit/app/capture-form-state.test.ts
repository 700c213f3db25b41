import { describe, expect, it } from 'vitest';
import {
  captureFromDraft,
  createIssueArgs,
  emptyCapture,
  freshCapture,
  isEmptyCapture,
} from '../../../src/app/capture/capture-form-state';
import { applyMutation } from '../../../src/domain/mutators';
import { uuidV7 } from '../../../src/domain/uuid-v7';

const id = uuidV7(Date.UTC(2026, 6, 10), new Uint8Array(10));
const ctx = { now: '2026-07-10T20:00:00.000Z', actor: { id: 's', name: 'Sam', role: 'staff' as const }, mutationUuid: 'm1' };

describe('the capture form', () => {
  it('turns a minimal form (category + summary) into a valid new issue', () => {
    const args = createIssueArgs(
      { ...freshCapture('nl'), category: 'lost-property', summary: 'Lost keys' },
      id,
      'festival',
      'nl',
    );
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
      'nl',
    );
    const issue = applyMutation(undefined, 'createIssue', args, ctx);
    expect(issue.attendee).toMatchObject({ name: 'Robin', email: 'robin@example.org' });
    expect(issue.consent).toEqual({ given: true, at: ctx.now });
    expect(issue.publicRisk).toMatchObject({ level: 'threatens_to_post', escalatedToComms: true });
    expect(issue.source).toEqual({ kind: 'social', link: 'https://social.example/p/1' });
    expect(issue.timeline[0]?.text).toBe('Logged by Sam; Public risk: threatens to post (escalated to comms)');
  });

  it('restores what fits from a draft and ignores what does not', () => {
    const restored = captureFromDraft(
      { summary: 'Lost ph', category: 'lost-property', consentGiven: 'yes', unknownField: 1 },
      'nl',
    );
    expect(restored).toEqual({ ...freshCapture('nl'), summary: 'Lost ph', category: 'lost-property' });
    expect(isEmptyCapture(captureFromDraft(undefined, 'nl'), 'nl')).toBe(true);
    // "Not asked", chosen in a draft, stays chosen.
    expect(captureFromDraft({ language: '' }, 'nl').language).toBe('');
  });

  it('takes the attendee to speak the festival’s language until staff choose another', () => {
    const form = { ...freshCapture('de'), category: 'cashless', summary: 'Charged twice' };
    expect(form.language).toBe('de');
    expect(isEmptyCapture({ ...form, category: '', summary: '' }, 'de')).toBe(true);
    const withContact = createIssueArgs({ ...form, attendeeName: 'Jonas', email: 'jonas@example.org' }, id, 'festival', 'de');
    expect(applyMutation(undefined, 'createIssue', withContact, ctx).attendee.language).toBe('de');
    // No contact given: the default alone makes no attendee; a language heard from them does.
    expect(createIssueArgs(form, id, 'festival', 'de')).not.toHaveProperty('attendee');
    const spokeFrench = createIssueArgs({ ...form, language: 'fr' }, id, 'festival', 'de');
    expect(applyMutation(undefined, 'createIssue', spokeFrench, ctx).attendee.language).toBe('fr');
    const notAsked = createIssueArgs({ ...form, attendeeName: 'Jonas', language: '' }, id, 'festival', 'de');
    expect(applyMutation(undefined, 'createIssue', notAsked, ctx).attendee.language).toBeUndefined();
  });
});
