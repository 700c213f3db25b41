import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import de from '../../../src/app/i18n/catalogs/de';
import es from '../../../src/app/i18n/catalogs/es';
import fr from '../../../src/app/i18n/catalogs/fr';
import nl from '../../../src/app/i18n/catalogs/nl';
import { activate, type Catalog } from '../../../src/app/i18n/messages';
import { said } from '../../../src/app/i18n/said';
import { AppError } from '../../../src/domain/app-error';
import { defaultEvent } from '../../../src/domain/event';
import { applyEventMutation } from '../../../src/domain/event-mutations';
import type { Issue } from '../../../src/domain/issue';
import { applyMutation, maxNotesPerIssue } from '../../../src/domain/mutators';
import { maxPhotosPerIssue } from '../../../src/domain/photo';
import { phraseText } from '../../../src/domain/phrase-text';
import type { Actor } from '../../../src/domain/staff';
import { uuidV7 } from '../../../src/domain/uuid-v7';
import { idsIn } from './phrase-ids';

globalThis.document ??= { documentElement: {} } as Document;
afterEach(() => activate('en', null, null));

const catalogs: Record<string, Catalog> = { nl, de, fr, es };
const sam: Actor = { id: 'staff-sam', name: 'Sam', role: 'staff' };
const kim: Actor = { id: 'staff-kim', name: 'Kim', role: 'coordinator' };
const jo: Actor = { id: 'staff-jo', name: 'Jo', role: 'organizer' };
let seq = 0;
const ctx = (actor: Actor = sam) => {
  seq += 1;
  return { now: new Date(Date.UTC(2026, 6, 10, 12, seq)).toISOString(), actor, mutationUuid: `m-${seq}` };
};
const idOf = (n: number) => uuidV7(Date.UTC(2026, 6, 10), new Uint8Array(10).fill(n));

function change(issue: Issue | undefined, name: string, args: Record<string, unknown>, actor?: Actor): Issue {
  return applyMutation(issue, name, issue ? { issueId: issue.id, ...args } : args, ctx(actor));
}

const item = (kind: 'found' | 'lost', n: number) =>
  change(undefined, 'createIssue', {
    id: idOf(n),
    eventId: 'festival',
    category: 'lost-property',
    summary: kind === 'found' ? 'Black phone' : 'Lost my phone',
    lostProperty: { kind, item: { category: 'phone', colour: 'black', brand: '', marks: '' }, place: '', at: null },
  });
const description = {
  name: 'Noor',
  age: '6',
  clothing: 'red coat',
  lastSeenPlace: 'Gate B',
  lastSeenAt: null,
  lookingForThem: 'Mother',
};
const plain = change(undefined, 'createIssue', { id: idOf(1), eventId: 'festival', category: 'other', summary: 'Question' });
const found = item('found', 2);
const lost = item('lost', 3);
const handedBack = change(found, 'handBackItem', {
  collectedBy: 'Mia',
  idKind: 'passport',
  idLast4: '1234',
  confirmation: { kind: 'typed', text: 'Mia has it' },
});
const posted = change(found, 'disposeItem', { how: 'posted', note: '' });
const matched = change(found, 'matchItem', { otherId: lost.id, matched: true });
const child = change(undefined, 'createIssue', {
  id: idOf(4),
  eventId: 'festival',
  category: 'lost-person',
  summary: 'Lost child',
  lostPerson: description,
});
const childFound = change(child, 'markPersonFound', { where: 'Info tent' });
const reunited = change(childFound, 'reunitePerson', {
  collectedBy: 'Fatima',
  relation: 'mother',
  idKind: 'passport',
  idLast4: '4321',
});
const consented = change(undefined, 'createIssue', {
  id: idOf(5),
  eventId: 'festival',
  category: 'cashless',
  summary: 'Charged twice',
  attendee: { name: 'Mia', email: 'mia@example.org' },
  consentGiven: false,
});
const voided = change(plain, 'voidIssue', { reason: 'Logged twice' }, jo);
const note = plain.timeline[0]!;
const fullOfNotes: Issue = {
  ...plain,
  timeline: [
    ...plain.timeline,
    ...Array.from({ length: maxNotesPerIssue }, (_, i) => ({ ...note, id: `n-${i}`, kind: 'note' as const })),
  ],
};
const photoFile = { hash: 'a'.repeat(64), bytes: 1000, width: 100, height: 100, type: 'image/jpeg' as const };
const photo = (n: number) => ({ id: idOf(100 + n), full: photoFile, thumb: photoFile });
const fullOfPhotos: Issue = {
  ...plain,
  photos: Array.from({ length: maxPhotosPerIssue }, (_, n) => ({ ...photo(n), at: note.at, by: { id: sam.id, name: sam.name } })),
};
const event = defaultEvent('festival', 'Europe/Amsterdam');
const [first, second] = event.zones;
const settings = (name: string, args: unknown, actor: Actor = kim, issuesInZone = 0) =>
  applyEventMutation(event, name, args, { ...ctx(actor), issuesInZone: () => issuesInZone });

/**
 * Every refusal the domain writes for a person, with the English it has always had (servers,
 * logs and tests read it), and how to meet it.
 */
const refusals: [string, () => unknown][] = [
  ['This issue is not a found item or a lost report.', () => change(plain, 'storeItem', { storage: 'B1' })],
  ['Only a found item can be stored; this is a lost report.', () => change(lost, 'storeItem', { storage: 'B1' })],
  ['Only a found item can be posted; this is a lost report.', () => change(lost, 'disposeItem', { how: 'posted', note: '' })],
  ['This item was already handed back, so it cannot be stored.', () => change(handedBack, 'storeItem', { storage: 'B1' })],
  [
    'This item was already posted, so it cannot be handed back.',
    () =>
      change(posted, 'handBackItem', {
        collectedBy: 'Mia',
        idKind: 'passport',
        idLast4: '1234',
        confirmation: { kind: 'typed', text: 'Mia has it' },
      }),
  ],
  ['An item cannot be matched with itself.', () => change(found, 'matchItem', { otherId: found.id, matched: true })],
  [
    'This item is no longer at the desk, so it cannot be matched.',
    () => change(posted, 'matchItem', { otherId: lost.id, matched: true }),
  ],
  [
    'This match was already acted on.',
    () =>
      change({ ...matched, lostProperty: { ...matched.lostProperty!, state: 'stored' } }, 'matchItem', {
        otherId: lost.id,
        matched: false,
      }),
  ],
  ['Only a lost report can be marked returned.', () => change(found, 'recordItemReturned', { foundId: found.id })],
  ['This issue is not a lost person case.', () => change(plain, 'markPersonFound', { where: 'Info tent' })],
  ['This person was already reunited.', () => change(reunited, 'describeLostPerson', { description })],
  ['This person is already found.', () => change(childFound, 'markPersonFound', { where: 'Info tent' })],
  ['This person is already reunited.', () => change(reunited, 'markPersonFound', { where: 'Info tent' })],
  [
    'This issue already holds 12 photos, the most one issue keeps.',
    () => change(fullOfPhotos, 'attachPhoto', { photo: photo(99) }),
  ],
  [
    'This issue was already saved.',
    () => applyMutation(plain, 'createIssue', { id: plain.id, eventId: 'festival', category: 'other', summary: 'Again' }, ctx()),
  ],
  ['This issue needs no follow-up, so there is no outreach to record.', () => change(plain, 'setOutreach', { outreach: 'sent' })],
  [
    'The attendee did not consent to be contacted, so no outreach may be recorded.',
    () => change(change(consented, 'setFollowUp', { needed: true, reason: 'refund' }), 'setOutreach', { outreach: 'sent' }),
  ],
  ['Only an organizer can void an issue.', () => change(plain, 'voidIssue', { reason: 'Twice' }, kim)],
  [
    'This issue already holds 1,000 notes, the most one issue keeps. Log a new issue and mention this one in it.',
    () => change(fullOfNotes, 'addNote', { text: 'One more' }),
  ],
  ['This issue is not on this device.', () => applyMutation(undefined, 'addNote', { issueId: idOf(9), text: 'Hello' }, ctx())],
  ['Jo voided this issue (Logged twice); it takes no more changes.', () => change(voided, 'addNote', { text: 'Found it' })],
  [
    'Only an organizer can change how long attendee personal data is kept.',
    () => settings('changeEventSettings', { retentionDays: 60 }),
  ],
  [
    'Only an organizer can change how long unclaimed lost property is kept.',
    () => settings('changeEventSettings', { lostPropertyKeepDays: 14 }),
  ],
  [
    'Two zones have the same id “pier”.',
    () =>
      settings('setZones', {
        zones: [
          { id: 'pier', name: 'Pier' },
          { id: 'pier', name: 'Jetty' },
        ],
      }),
  ],
  [
    `There are two zones called “${first!.name.toUpperCase()}”.`,
    () => settings('setZones', { zones: [first, { id: 'pier', name: first!.name.toUpperCase() }] }),
  ],
  [
    `The zone “${second!.name}” still has 1 issue, so it cannot be removed. Rename it instead, or move its issues to another zone first.`,
    () => settings('setZones', { zones: [first] }, kim, 1),
  ],
  [
    `The zone “${second!.name}” still has 3 issues, so it cannot be removed. Rename it instead, or move its issues to another zone first.`,
    () => settings('setZones', { zones: [first] }, kim, 3),
  ],
  [
    'Only coordinators and organizers can change which alerts go to whom.',
    () => settings('changeEventSettings', { alertRules: {} }, sam),
  ],
  [
    'Only coordinators and organizers can change the festival settings.',
    () => settings('changeEventSettings', { name: 'X' }, sam),
  ],
];

function refusalOf(meet: () => unknown): AppError {
  let thrown: unknown;
  try {
    meet();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(AppError);
  return thrown as AppError;
}

describe('the domain’s refusals', () => {
  it.each(refusals)('“%s” is a phrase whose English is the message', (message, meet) => {
    const error = refusalOf(meet);
    expect(error.message).toBe(message);
    expect(error.phrase, message).toBeDefined();
    expect(phraseText(error.phrase!)).toBe(message);
  });

  for (const [locale, catalog] of Object.entries(catalogs)) {
    it(`are all in the ${locale} catalog, with the words inside them`, () => {
      const missing = new Set<string>();
      for (const [, meet] of refusals)
        for (const id of idsIn(refusalOf(meet).phrase!)) if (catalog[id] === undefined) missing.add(id);
      expect([...missing]).toEqual([]);
    });
  }

  it('are said in the person’s language, with the states, counts and names inside them', () => {
    const byMessage = new Map(refusals.map(([message, meet]) => [message, () => refusalOf(meet).phrase!]));
    activate('nl', nl, null);
    expect(said(byMessage.get('This item was already handed back, so it cannot be stored.')!())).toBe(
      'Dit voorwerp is al teruggegeven, dus het kan niet opgeborgen worden.',
    );
    expect(said(byMessage.get('Jo voided this issue (Logged twice); it takes no more changes.')!())).toBe(
      'Jo heeft deze melding ongeldig verklaard (Logged twice); ze neemt geen wijzigingen meer aan.',
    );
    activate('de', de, null);
    const threeIssues = `The zone “${second!.name}” still has 3 issues, so it cannot be removed. Rename it instead, or move its issues to another zone first.`;
    expect(said(byMessage.get(threeIssues)!())).toMatch(
      /^Die Zone „.+“ hat noch 3 Anliegen, daher kann sie nicht entfernt werden\./,
    );
    activate('fr', fr, null);
    expect(
      said(
        byMessage.get(
          'This issue already holds 1,000 notes, the most one issue keeps. Log a new issue and mention this one in it.',
        )!(),
      ),
    ).toMatch(/^Cette demande contient déjà 1\s000 notes/);
  });

  it('leave no refusal a person can meet as bare English in the domain', () => {
    // Allowed: the phrase maker itself, validation (its summary is zod's, see validation.ts), and
    // a change name no app sends (a newer app's change reaching an older server).
    const ownFiles = ['refusal.ts', 'validation.ts'];
    const dir = join(__dirname, '../../../src/domain');
    const bare: string[] = [];
    const walk = (path: string) => {
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        const full = join(path, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts')) {
          const text = readFileSync(full, 'utf8');
          for (const [at, line] of text.split('\n').entries()) {
            if (!line.includes('new AppError(')) continue;
            if (ownFiles.includes(entry.name) || line.includes('Unknown change')) continue;
            bare.push(`${full}:${at + 1}`);
          }
        }
      }
    };
    walk(dir);
    expect(bare).toEqual([]);
  });
});
