import { afterEach, describe, expect, it } from 'vitest';
import de from '../../../src/app/i18n/catalogs/de';
import es from '../../../src/app/i18n/catalogs/es';
import fr from '../../../src/app/i18n/catalogs/fr';
import nl from '../../../src/app/i18n/catalogs/nl';
import { activate, type Catalog } from '../../../src/app/i18n/messages';
import { pseudoLocalize } from '../../../src/app/i18n/pseudo';
import { resolutionText, said, storedText } from '../../../src/app/i18n/said';
import { queueRowOf } from '../../../src/db/queue-row';
import { defaultAlertRules } from '../../../src/domain/alert-rules';
import { type AuditDetail, auditActions } from '../../../src/domain/audit';
import { auditPhrase, describeAuditEntry } from '../../../src/domain/audit-sentence';
import { defaultEvent, type FestivalEvent } from '../../../src/domain/event';
import { applyEventMutation } from '../../../src/domain/event-mutations';
import { type Issue, type TimelineEntry, timelineKinds } from '../../../src/domain/issue';
import { issueSchema } from '../../../src/domain/issue-schema';
import { restrictedStub } from '../../../src/domain/issue-visibility';
import { suggestMatches } from '../../../src/domain/lost-property-matching';
import { mergeServerChange, staleChangeConflict } from '../../../src/domain/merge';
import { applyMutation, type MutationContext } from '../../../src/domain/mutators';
import { eraseAttendee, purgePersonalData, termsOfQuery, withheldFromStaff } from '../../../src/domain/personal-data';
import type { Phrase } from '../../../src/domain/phrase';
import { phraseText } from '../../../src/domain/phrase-text';
import type { Actor } from '../../../src/domain/staff';
import { uuidV7 } from '../../../src/domain/uuid-v7';
import { idsIn } from './phrase-ids';

globalThis.document ??= { documentElement: {} } as Document;
afterEach(() => activate('en', null, null));

const catalogs: Record<string, Catalog> = { nl, de, fr, es };
const sam: Actor = { id: 'staff-sam', name: 'Sam', role: 'staff' };
const alex: Actor = { id: 'staff-alex', name: 'Alex', role: 'organizer' };
let clock = Date.UTC(2026, 6, 10, 12, 0);
let seq = 0;
const ctx = (actor: Actor = sam): MutationContext => {
  clock += 60_000;
  seq += 1;
  return { now: new Date(clock).toISOString(), actor, mutationUuid: `m-${seq}` };
};
const idOf = (n: number) => uuidV7(Date.UTC(2026, 6, 10), new Uint8Array(10).fill(n));
const hash = (c: string) => c.repeat(64);
const photoFile = (c: string) => ({ hash: hash(c), bytes: 1000, width: 100, height: 100, type: 'image/jpeg' as const });

/** Applies changes one after another: `[name, args, actor?]`. */
function run(issue: Issue | undefined, changes: [string, Record<string, unknown>, Actor?][]): Issue {
  let current = issue;
  for (const [name, args, actor] of changes) {
    const issueId = current?.id;
    current = applyMutation(current, name, issueId ? { issueId, ...args } : args, ctx(actor));
  }
  return current!;
}

/** Issues whose timelines hold every kind of entry the domain writes, in every wording it has. */
function everyKindOfEntry(): Issue[] {
  const worked = run(undefined, [
    [
      'createIssue',
      {
        id: idOf(1),
        eventId: 'festival',
        category: 'cashless',
        summary: 'Charged twice at the bar',
        attendee: { name: 'Mia Jansen', email: 'mia@example.org' },
        consentGiven: true,
        publicRisk: { level: 'threatens_to_post', escalateToComms: true },
      },
    ],
    ['updateFields', { fields: { severity: 'high', zoneId: 'main-stage', consentGiven: true, tags: ['refund'] } }],
    ['assignOwner', { owner: { id: sam.id, name: sam.name } }],
    ['assignOwner', { owner: { id: alex.id, name: alex.name } }],
    ['handOver', { to: { id: sam.id, name: sam.name }, note: 'Cashless team knows' }],
    ['addNote', { text: 'Called the cashless team' }],
    ['recordToldAttendee', { text: 'Refund within a week' }],
    ['setMood', { stage: 'intake', mood: 'angry' }],
    ['setMood', { stage: 'intake', mood: null }],
    ['setMood', { stage: 'close', mood: 'upset' }],
    ['setMood', { stage: 'close', mood: null }],
    ['flagPublicRisk', { level: 'posted', escalateToComms: false }],
    ['flagPublicRisk', { level: 'press_present', escalateToComms: true }],
    ['setFollowUp', { needed: true, reason: 'refund' }],
    ['setOutreach', { outreach: 'sent' }],
    ['setFollowUp', { needed: false }],
    ['attachPhoto', { photo: { id: idOf(20), full: photoFile('a'), thumb: photoFile('b') } }],
    ['removePhoto', { photoId: idOf(20) }],
    ['acknowledgeAlert', { alertId: 'a-1', kind: 'urgent', raisedAt: '2026-07-10T12:00:00.000Z' }],
    ['acknowledgeAlert', { alertId: 'a-2', kind: 'public-risk', raisedAt: '2026-07-10T12:00:00.000Z' }, alex],
    ['setStatus', { status: 'resolved', resolution: 'Refunded' }],
    ['setStatus', { status: 'resolved', resolution: 'Refunded', moodAtClose: 'satisfied' }],
    ['setStatus', { status: 'closed', moodAtClose: 'delighted' }],
    ['voidIssue', { reason: 'Logged twice' }, alex],
  ]);
  const unowned = run(undefined, [
    ['createIssue', { id: idOf(2), eventId: 'festival', category: 'other', summary: 'Question' }],
    ['handOver', { to: { id: sam.id, name: sam.name }, note: 'Yours' }],
  ]);
  const alerted = run(undefined, [
    ['createIssue', { id: idOf(3), eventId: 'festival', category: 'other', summary: 'Fight at the gate' }],
    ['acknowledgeAlert', { alertId: 'a-3', kind: 'overdue-unowned', raisedAt: '2026-07-10T12:00:00.000Z' }],
  ]);
  const found = run(undefined, [
    [
      'createIssue',
      {
        id: idOf(4),
        eventId: 'festival',
        category: 'lost-property',
        summary: 'Black phone',
        lostProperty: {
          kind: 'found',
          item: { category: 'phone', colour: 'black', brand: 'Samsung', marks: '' },
          place: 'Main bar',
          at: null,
          storage: 'B4',
        },
      },
    ],
    ['storeItem', { storage: 'Safe' }],
    ['describeItem', { place: 'Main bar, left side' }],
    ['matchItem', { otherId: idOf(5), matched: true }],
    ['matchItem', { otherId: idOf(5), matched: false }],
    [
      'handBackItem',
      { collectedBy: 'Mia Jansen', idKind: 'id_card', idLast4: '1234', confirmation: { kind: 'signature', path: 'M 0 0 L 1 1' } },
    ],
  ]);
  const typedBack = run(undefined, [
    [
      'createIssue',
      {
        id: idOf(6),
        eventId: 'festival',
        category: 'lost-property',
        summary: 'Keys',
        lostProperty: { kind: 'found', item: { category: 'keys', colour: '', brand: '', marks: '' }, place: '', at: null },
      },
    ],
    ['storeItem', { storage: 'B1' }],
    [
      'handBackItem',
      { collectedBy: 'Jo', idKind: 'passport', idLast4: '99', confirmation: { kind: 'typed', text: 'Jo collected them' } },
    ],
  ]);
  const posted = run(undefined, [
    [
      'createIssue',
      {
        id: idOf(7),
        eventId: 'festival',
        category: 'lost-property',
        summary: 'Bag',
        lostProperty: { kind: 'found', item: { category: 'bag', colour: 'red', brand: '', marks: '' }, place: '', at: null },
      },
    ],
    ['disposeItem', { how: 'posted', note: '' }],
  ]);
  const disposed = run(undefined, [
    [
      'createIssue',
      {
        id: idOf(8),
        eventId: 'festival',
        category: 'lost-property',
        summary: 'Scarf',
        lostProperty: { kind: 'found', item: { category: 'clothing', colour: '', brand: '', marks: '' }, place: '', at: null },
      },
    ],
    ['disposeItem', { how: 'disposed', note: 'Nobody came' }],
  ]);
  const lost = run(undefined, [
    [
      'createIssue',
      {
        id: idOf(5),
        eventId: 'festival',
        category: 'lost-property',
        summary: 'Lost my phone',
        lostProperty: { kind: 'lost', item: { category: 'phone', colour: 'black', brand: '', marks: '' }, place: '', at: null },
      },
    ],
    ['matchItem', { otherId: idOf(4), matched: true }],
    ['recordItemReturned', { foundId: idOf(4) }],
  ]);
  const description = {
    name: 'Noor',
    age: '6',
    clothing: 'red coat',
    lastSeenPlace: 'Gate B',
    lastSeenAt: null,
    lookingForThem: 'Mother',
  };
  const child = run(undefined, [
    [
      'createIssue',
      { id: idOf(9), eventId: 'festival', category: 'lost-person', summary: 'Lost child', lostPerson: description },
    ],
    ['describeLostPerson', { description: { ...description, clothing: 'red coat, blue boots' } }],
    ['markPersonFound', { where: 'Info tent' }],
    ['reunitePerson', { collectedBy: 'Fatima', relation: 'mother', idKind: 'passport', idLast4: '4321' }],
  ]);
  const friend = run(undefined, [
    [
      'createIssue',
      { id: idOf(10), eventId: 'festival', category: 'lost-person', summary: 'Lost friend', lostPerson: description },
    ],
    ['reunitePerson', { collectedBy: 'Kim', relation: '', idKind: 'driving_licence', idLast4: '77' }],
  ]);
  // Conflicts the server records: two people set the same fields, and a change someone else made impossible.
  const base = run(undefined, [['createIssue', { id: idOf(11), eventId: 'festival', category: 'other', summary: 'Noise' }]]);
  const theirs = run(base, [
    ['setStatus', { status: 'referred', resolution: 'Sent to security' }, alex],
    ['updateFields', { fields: { summary: 'Noise at the campsite', zoneId: 'campsite-north', tags: ['noise'] } }, alex],
    ['flagPublicRisk', { level: 'posted' }, alex],
  ]);
  const mine = run(theirs, [
    ['setStatus', { status: 'closed', resolution: 'Quiet now' }],
    ['updateFields', { fields: { summary: 'Noise near the toilets', zoneId: null, tags: ['toilets'] } }],
    ['assignOwner', { owner: { id: sam.id, name: sam.name } }],
    ['flagPublicRisk', { level: 'none' }],
  ]);
  const version = { seq: 2, deviceId: 'phone-alex', by: alex.name };
  const merged = mergeServerChange({
    before: theirs,
    after: mine,
    fieldVersions: {
      '*': { seq: 1, deviceId: 'phone-sam', by: sam.name },
      status: version,
      summary: version,
      zoneId: version,
      tags: version,
      publicRisk: version,
    },
    baseVersion: 1,
    deviceId: 'phone-sam',
    actor: { id: sam.id, name: sam.name },
    seq: 3,
    mutationUuid: 'm-merge',
    now: new Date(clock).toISOString(),
  }).issue;
  let refusal: unknown;
  try {
    run(theirs, [['setStatus', { status: 'open' }]]);
  } catch (error) {
    refusal = error;
  }
  const stale = (name: string, args: unknown, others: string[]) =>
    staleChangeConflict(merged, {
      name,
      args,
      mutationUuid: `m-stale-${name}`,
      now: new Date(clock).toISOString(),
      actor: { id: sam.id, name: sam.name },
      reason: (refusal as { phrase: Phrase }).phrase,
      others,
    });
  const disputed = stale('handOver', { to: { name: 'Kim' } }, ['Alex']);
  const disputedToo = stale('setStatus', { status: 'closed' }, ['Alex', 'Kim', 'Jo']);
  const disputedAgain = stale('addNote', {}, ['Alex', 'Kim']);
  // Personal data removed, and a restricted case as staff see it.
  const stamp = { entryId: 'm-erase', at: new Date(clock).toISOString(), by: { id: alex.id, name: alex.name } };
  const erased = eraseAttendee(worked, termsOfQuery('mia@example.org'), stamp)!;
  const purged = purgePersonalData(found, { ...stamp, entryId: 'm-purge' })!;
  const medical = restrictedStub(
    run(undefined, [['createIssue', { id: idOf(12), eventId: 'festival', category: 'medical-welfare', summary: 'Fainted' }]]),
  );
  return [
    worked,
    unowned,
    alerted,
    found,
    typedBack,
    posted,
    disposed,
    lost,
    child,
    friend,
    merged,
    disputed,
    disputedToo,
    disputedAgain,
    erased,
    purged,
    medical,
  ];
}

/** Changes of every kind to the festival settings, as the event's own timeline keeps them. */
function everySettingsChange(): FestivalEvent {
  let event = defaultEvent('festival', 'Europe/Amsterdam');
  const change = (name: string, args: unknown) => {
    event = applyEventMutation(event, name, args, { ...ctx(alex), issuesInZone: () => 0 });
  };
  change('changeEventSettings', { name: 'Dijkdrift', timezone: 'Europe/Brussels', dayStartsAt: '05:00' });
  change('changeEventSettings', { responseTargets: { urgent: 5, high: null, medium: 120, low: null } });
  change('changeEventSettings', { retentionDays: 60, lostPropertyKeepDays: 14 });
  change('changeEventSettings', {
    alertRules: {
      urgent: { ...defaultAlertRules.urgent, enabled: false },
      'public-risk': { enabled: true, to: 'staff', escalateAfterMinutes: 7 },
    },
  });
  change('changeEventSettings', { alertRules: { urgent: defaultAlertRules.urgent } });
  const [first, second, ...rest] = event.zones;
  change('setZones', { zones: [{ ...first!, name: 'Big top' }, ...rest, { id: 'pier', name: 'Pier' }] });
  change('setZones', { zones: [...rest, { id: 'pier', name: 'Pier' }, { ...first!, name: 'Big top' }] });
  expect(second).toBeDefined();
  return event;
}

/** The audit log's actions, each with the facts it can hold and with odd ones. */
function everyAuditEntry() {
  const jo = { deviceId: 'device-1', name: 'Jo' };
  const details: AuditDetail[] = [
    {},
    { role: 'coordinator', again: true, from: 'staff', to: 'coordinator', staffName: 'Sam', issues: 3 },
    { role: 'staff', from: 'staff', issues: 1 },
    {
      to: 'organizer',
      fields: 'festival name, zones (1 added, 2 renamed, 1 removed), alert rules, response targets',
      zonesAdded: 1,
      zonesRenamed: 2,
      zonesRemoved: 1,
    },
    { fields: 'zones (reordered), timezone, day start, retention period' },
    { kind: 'follow-up', day: '2026-07-10', format: 'csv', rows: 1, source: 'app' },
    { kind: 'issues', format: 'json', rows: 20, source: 'api' },
    { kind: 'lost-property', source: 'cli' },
    { rows: 'many', issues: Number.NaN, role: 3, kind: null },
  ];
  const actors = [jo, { deviceId: null, name: 'command line' }, { deviceId: null, name: 'server' }, { deviceId: 'd', name: '' }];
  return auditActions.flatMap((action) => details.flatMap((detail) => actors.map((actor) => ({ actor, action, detail }))));
}

const issues = everyKindOfEntry();
const entries: TimelineEntry[] = issues.flatMap((issue) => issue.timeline);
const settings = everySettingsChange();
const audit = everyAuditEntry();

describe('the sentences the domain writes', () => {
  it('cover every kind of timeline entry', () => {
    expect(new Set(entries.map((entry) => entry.kind))).toEqual(new Set(timelineKinds));
    expect(entries.length).toBeGreaterThan(60);
  });

  it('carry a phrase on every entry, whose English is the stored text', () => {
    for (const entry of entries) {
      expect(entry.phrase, entry.text).toBeDefined();
      expect(phraseText(entry.phrase!), entry.id).toBe(entry.text);
    }
  });

  for (const [locale, catalog] of Object.entries(catalogs)) {
    it(`are all in the ${locale} catalog, their codes' words too`, () => {
      const missing = new Set<string>();
      for (const entry of entries) for (const id of idsIn(entry.phrase!)) if (catalog[id] === undefined) missing.add(id);
      expect([...missing]).toEqual([]);
    });
  }

  it('read in the person’s language, the staff’s own words left as typed', () => {
    const closed = issues[0]!.timeline.find((entry) => entry.text === 'Status: resolved → closed; attendee left delighted')!;
    activate('nl', nl, null);
    expect(storedText(closed)).toBe('Status: opgelost → gesloten; bezoeker vertrok enthousiast');
    const found = issues[3]!.timeline.find((entry) => entry.custody === 'found')!;
    expect(storedText(found)).toBe('Gevonden: telefoon (black Samsung) bij Main bar');
    activate('de', de, null);
    expect(storedText(found)).toBe('Gefunden: Handy (black Samsung) bei Main bar');
    const conflict = issues[10]!.timeline.find((entry) => entry.id === 'm-merge:conflict:status')!;
    expect(storedText(conflict)).toBe(
      'Zwei Personen haben das Feld „Status“ geändert: Alex setzte es auf weitergeleitet, danach setzte Sam (ohne das gesehen zu haben) es auf geschlossen. Die Änderung von Sam kam später an und gilt – prüfe, was stimmt.',
    );
    activate('fr', fr, null);
    expect(storedText(issues[13]!.timeline.at(-1)!)).toBe(
      'Sam voulait la modifier, mais la demande avait déjà été modifiée par Alex et Kim, donc ce n’a pas été appliqué : Une demande au statut orientée ne peut pas passer à ouverte. Possibles ensuite : en cours, suivi, close. Vérifiez ce qui est juste.',
    );
  });

  it('in the pseudo-locale, leave no English outside the catalog’s brackets but names and typed words', () => {
    activate('en-XA', null, pseudoLocalize);
    const typed = [
      'Sam',
      'Alex',
      'Kim',
      'Jo',
      'Mia Jansen',
      'Fatima',
      'mother',
      'Info tent',
      'black Samsung',
      'Main bar',
      'B4',
      'Safe',
      'red',
    ];
    for (const entry of entries) {
      let rest = storedText(entry);
      for (const word of typed) rest = rest.split(word).join(' ');
      // Quoted summaries in conflicts are staff's words too.
      rest = rest.replace(/“[^”]*”/g, ' ');
      for (let previous = ''; previous !== rest; ) {
        previous = rest;
        rest = rest.replace(/\[[^[\]]*\]/g, ' ');
      }
      expect(rest, entry.text).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it('show an entry stored before phrases as it was written, translated when it is a plain sentence the catalog knows', () => {
    const old = { text: 'Sam took ownership' };
    activate('nl', nl, null);
    expect(storedText(old)).toBe('Sam took ownership');
    expect(storedText({ text: 'Note' })).toBe('Notitie');
    expect(storedText({ text: 'Added a photo' })).toBe('Foto toegevoegd');
  });

  it('a restricted case a staff phone may not read is filed in the queue as one, for its placeholder summary to be said in the person’s language', () => {
    const medical = issues.at(-1)!;
    expect(medical.restricted).toBe(true);
    expect(queueRowOf(medical, defaultEvent('festival', 'Europe/Amsterdam')).restricted).toBe(true);
    expect(queueRowOf(issues[0]!, defaultEvent('festival', 'Europe/Amsterdam')).restricted).toBeUndefined();
  });

  it('keep attendee details out of the phrase as out of the text, for a staff phone and after an erasure', () => {
    const conflict = issues[10]!;
    const withContact = applyMutation(conflict, 'addNote', { issueId: conflict.id, text: 'x' }, ctx());
    const entry: TimelineEntry = {
      ...withContact.timeline.at(-1)!,
      kind: 'fields',
      text: 'Moved from mia@example.org to Safe',
      phrase: { id: 'Moved from {from} to {to}', values: { from: 'mia@example.org', to: 'Safe' } },
    };
    const masked = withheldFromStaff({
      ...withContact,
      attendee: { ...withContact.attendee, email: 'mia@example.org' },
      timeline: [entry],
    });
    expect(masked.timeline[0]!.text).not.toContain('mia@example.org');
    expect(JSON.stringify(masked.timeline[0]!.phrase)).not.toContain('mia@example.org');
    expect(phraseText(masked.timeline[0]!.phrase!)).toBe(masked.timeline[0]!.text);
    // The erased issue: the attendee's name and email are gone from every phrase, codes intact.
    const erased = issues[14]!;
    expect(JSON.stringify(erased.timeline.map((e) => e.phrase))).not.toMatch(/Mia Jansen|mia@example\.org/);
    for (const e of erased.timeline) expect(phraseText(e.phrase!)).toBe(e.text);
  });

  it('cross the wire: a page with phrases and one from before them both read as issues', () => {
    const issue = issues[0]!;
    expect(issueSchema.parse(issue)).toEqual(issue);
    const before = { ...issue, timeline: issue.timeline.map(({ phrase: _, ...rest }) => rest) };
    expect(issueSchema.parse(before).timeline.every((entry) => entry.phrase === undefined)).toBe(true);
    // A code or a phrase a newer server knows and this app does not: still read, shown as it came.
    const newer = {
      ...issue,
      timeline: [
        { ...issue.timeline[0]!, phrase: { id: 'Teleported to {zone}', values: { zone: { of: 'zoneKind', code: 'moon' } } } },
      ],
    };
    const parsed = issueSchema.parse(newer).timeline[0]!;
    expect(said(parsed.phrase!)).toBe('Teleported to moon');
  });
});

describe('the resolutions the domain writes itself', () => {
  const filled = issues.filter((issue) => issue.resolutionSaid);

  it('carry a phrase whose English is the stored resolution: handed back, returned, posted, disposed of, reunited', () => {
    expect(filled.map((issue) => issue.resolution).sort()).toEqual(
      [
        'Disposed of after the keeping period.',
        'Handed back to Jo.',
        'Handed back to Mia Jansen.',
        // Erased on request: the attendee's name is gone from the phrase as from the text.
        'Handed back to [attendee] [attendee].',
        'Item handed back to its owner.',
        'Posted to its owner.',
        'Reunited.',
        'Reunited.',
      ].sort(),
    );
    for (const issue of filled) expect(phraseText(issue.resolutionSaid!)).toBe(issue.resolution);
    // A resolution a person typed has no phrase.
    expect(issues[0]!.resolution).toBe('Refunded');
    expect(issues[0]!.resolutionSaid).toBeUndefined();
  });

  for (const [locale, catalog] of Object.entries(catalogs)) {
    it(`are all in the ${locale} catalog`, () => {
      const missing = new Set<string>();
      for (const issue of filled) for (const id of idsIn(issue.resolutionSaid!)) if (catalog[id] === undefined) missing.add(id);
      expect([...missing]).toEqual([]);
    });
  }

  it('read in the person’s language until someone rewrites them, then as written', () => {
    const found = issues[3]!;
    activate('nl', nl, null);
    expect(resolutionText(found)).toBe('Teruggegeven aan Mia Jansen.');
    activate('de', de, null);
    expect(resolutionText(issues.find((issue) => issue.resolution === 'Reunited.')!)).toBe('Wiedervereint.');
    const rewritten = run(found, [['setStatus', { status: 'resolved', resolution: 'Opgehaald door haar broer' }]]);
    expect(resolutionText(rewritten)).toBe('Opgehaald door haar broer');
    // A phone from before phrases rewrote it and kept the phrase it did not know.
    expect(resolutionText({ ...found, resolution: 'Given to her brother' })).toBe('Given to her brother');
  });

  it('keep the attendee’s name out of the phrase as out of the text, for a staff phone', () => {
    const masked = withheldFromStaff(issues[3]!);
    expect(masked.resolution).not.toContain('Mia Jansen');
    expect(JSON.stringify(masked.resolutionSaid)).not.toContain('Mia Jansen');
    expect(phraseText(masked.resolutionSaid!)).toBe(masked.resolution);
  });

  it('cross the wire, and a resolution from before phrases reads as before', () => {
    const found = issues[3]!;
    expect(issueSchema.parse(found).resolutionSaid).toEqual(found.resolutionSaid);
    const { resolutionSaid: _, ...before } = found;
    expect(resolutionText(issueSchema.parse(before))).toBe('Handed back to Mia Jansen.');
  });
});

describe('the festival settings’ change list and the audit log', () => {
  it('say each settings change as phrases whose English is the stored text', () => {
    expect(settings.changes).toHaveLength(7);
    for (const change of settings.changes!) {
      expect(change.phrases!.length).toBeGreaterThan(0);
      expect(`Festival settings: ${change.phrases!.map((p) => phraseText(p)).join('; ')}`).toBe(change.text);
    }
  });

  it('say each audit entry the way the command line always has', () => {
    for (const entry of audit) expect(phraseText(auditPhrase(entry))).toBe(describeAuditEntry(entry));
    expect(describeAuditEntry(audit.find((e) => e.action === 'settings-change' && e.detail.zonesAdded === 1)!)).toBe(
      'Jo changed the festival settings: festival name, zones (1 added, 2 renamed, 1 removed), alert rules, response targets.',
    );
  });

  for (const [locale, catalog] of Object.entries(catalogs)) {
    it(`are all in the ${locale} catalog`, () => {
      const phrases = [...settings.changes!.flatMap((change) => change.phrases!), ...audit.map(auditPhrase)];
      const missing = new Set<string>();
      for (const phrase of phrases) for (const id of idsIn(phrase)) if (catalog[id] === undefined) missing.add(id);
      expect([...missing]).toEqual([]);
    });
  }

  it('read in the person’s language, with plural forms from the catalog', () => {
    activate('nl', nl, null);
    const targets = settings.changes![1]!;
    expect(targets.phrases!.map(said).join('; ')).toBe('reactietijden hoog dezelfde dag, urgent 5 min');
    const zones = settings.changes!.at(-2)!;
    expect(zones.phrases!.map(said).join('; ')).toBe(
      'zone “Hoofdpodium” hernoemd naar “Big top”; zone “Pier” toegevoegd; zone “Tweede podium” verwijderd',
    );
    const joined = audit.find((e) => e.action === 'join' && e.detail.again === true && e.actor.name === 'Jo')!;
    expect(said(auditPhrase(joined))).toBe('Jo meldde zich opnieuw aan als coördinator.');
    const erased = audit.find((e) => e.action === 'erasure' && e.detail.issues === 3 && e.actor.name === 'command line')!;
    expect(said(auditPhrase(erased))).toBe('opdrachtregel wiste op verzoek de persoonsgegevens van een bezoeker (3 meldingen).');
    activate('de', de, null);
    const exported = audit.find((e) => e.action === 'export' && e.detail.kind === 'follow-up' && e.actor.name === 'Jo')!;
    expect(said(auditPhrase(exported))).toBe(
      'Jo hat die Nachbetreuungsliste vom 2026-07-10 als CSV (1 Zeile), aus den Daten auf dem eigenen Handy exportiert.',
    );
  });
});

describe('suggested lost-property matches', () => {
  const item = (
    n: number,
    kind: 'found' | 'lost',
    category: string,
    colour: string,
    brand: string,
    marks: string,
    at: string | null,
  ) =>
    run(undefined, [
      [
        'createIssue',
        {
          id: idOf(n),
          eventId: 'festival',
          category: 'lost-property',
          summary: `${kind} ${category}`,
          zoneId: 'main-stage',
          lostProperty: { kind, item: { category, colour, brand, marks }, place: 'Main bar', at },
        },
      ],
    ]);
  const report = item(40, 'lost', 'bag', 'black', 'Eastpak', 'unicorn sticker, red zip', '2026-07-10T18:00:00.000Z');
  const found = [
    item(41, 'found', 'bag', 'dark grey', 'Eastpack', 'sticker with a unicorn', '2026-07-10T19:00:00.000Z'),
    item(42, 'found', 'clothing', 'red', 'Nike', 'unicorn', '2026-07-10T13:00:00.000Z'),
    item(43, 'found', 'bag', 'black', 'Eastpak', '', null),
  ];
  const matches = suggestMatches(report, found, { minScore: 0 });

  for (const [locale, catalog] of Object.entries(catalogs)) {
    it(`say why they may be the same item with words the ${locale} catalog has`, () => {
      expect(matches.length).toBe(3);
      const missing = new Set<string>();
      for (const reason of matches.flatMap((match) => match.reasons)) {
        for (const id of idsIn(reason)) if (catalog[id] === undefined) missing.add(id);
      }
      expect([...missing]).toEqual([]);
    });
  }

  it('read in the volunteer’s language, colours and brands as typed', () => {
    activate('nl', nl, null);
    const likely = matches.find((match) => match.issue.id === idOf(41))!;
    expect(likely.reasons.map(said)).toEqual([
      'zelfde categorie',
      'black ≈ dark grey',
      'merk Eastpak ≈ Eastpack',
      'woorden: sticker, unicorn',
      'zelfde zone',
      'gevonden 60 min nadat het verloren ging',
    ]);
  });
});
