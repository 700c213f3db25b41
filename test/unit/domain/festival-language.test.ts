import { describe, expect, it } from 'vitest';
import { settingsChangeDetail } from '../../../src/domain/audit';
import { defaultEvent } from '../../../src/domain/event';
import { applyEventMutation, type EventMutationContext } from '../../../src/domain/event-mutations';
import { festivalEventSchema } from '../../../src/domain/event-schema';
import { festivalLanguageOf } from '../../../src/domain/festival-language';
import type { Role } from '../../../src/domain/staff';
import { refusal } from './refusal';

let n = 0;
const ctx = (role: Role = 'coordinator'): EventMutationContext => ({
  now: '2026-07-10T12:00:00.000Z',
  actor: { id: `staff-${role}`, name: role === 'staff' ? 'Sam' : 'Alex', role },
  mutationUuid: `m-${++n}`,
  issuesInZone: () => 0,
});
const amsterdam = defaultEvent('festival', 'Europe/Amsterdam');

describe('the language of the festival', () => {
  it('is the timezone’s for an event that never chose one, English where the timezone says nothing', () => {
    expect(festivalLanguageOf(amsterdam)).toBe('nl');
    expect(festivalLanguageOf(defaultEvent('f', 'Europe/Madrid'))).toBe('es');
    expect(festivalLanguageOf(defaultEvent('f', 'Asia/Tokyo'))).toBe('en');
  });

  it('is the one chosen when there is one; one this app does not speak falls back to the timezone’s', () => {
    expect(festivalLanguageOf({ ...amsterdam, language: 'de' })).toBe('de');
    expect(festivalLanguageOf({ ...amsterdam, language: 'it' })).toBe('nl');
  });

  it('a coordinator sets it: the event holds it, and the change list and the audit log say so', () => {
    const set = applyEventMutation(amsterdam, 'changeEventSettings', { language: 'de' }, ctx());
    expect(set.language).toBe('de');
    expect(set.changes?.at(-1)).toMatchObject({ by: { name: 'Alex' }, text: 'Festival settings: language Dutch → German' });
    expect(settingsChangeDetail(amsterdam, set).fields).toBe('festival language');
    // Choosing the language the timezone already gave pins it (a later timezone change keeps it).
    const pinned = applyEventMutation(amsterdam, 'changeEventSettings', { language: 'nl' }, ctx());
    expect(pinned.changes?.at(-1)?.text).toBe('Festival settings: language Dutch');
    expect(festivalLanguageOf({ ...pinned, timezone: 'Europe/Paris' })).toBe('nl');
    // The same again changes nothing.
    expect(applyEventMutation(set, 'changeEventSettings', { language: 'de' }, ctx())).toBe(set);
  });

  it('staff cannot set it, and a language Helptent does not speak is refused naming the ones it does', () => {
    expect(refusal(() => applyEventMutation(amsterdam, 'changeEventSettings', { language: 'de' }, ctx('staff')))).toMatchObject({
      kind: 'forbidden',
      message: 'Only coordinators and organizers can change the festival settings.',
    });
    const invalid = refusal(() => applyEventMutation(amsterdam, 'changeEventSettings', { language: 'it' }, ctx()));
    expect(invalid.kind).toBe('invalid');
    expect(invalid.message).toBe(
      'The settings change is not valid — language: must be one of the languages Helptent speaks: en (English), nl (Dutch), de (German), fr (French), es (Spanish).',
    );
  });

  it('the wire takes events with and without it, and any language a newer server may send', () => {
    const { changes: _, ...plain } = amsterdam;
    expect(festivalEventSchema.safeParse(plain).success).toBe(true);
    expect(festivalEventSchema.parse({ ...plain, language: 'de' }).language).toBe('de');
    expect(festivalEventSchema.safeParse({ ...plain, language: 'it' }).success).toBe(true);
  });
});
