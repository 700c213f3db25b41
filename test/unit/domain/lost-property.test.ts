import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/app-error';
import type { FestivalEvent } from '../../../src/domain/event';
import { defaultEvent } from '../../../src/domain/event';
import { exportTable } from '../../../src/domain/export-rows';
import type { Issue } from '../../../src/domain/issue';
import { issueSchema } from '../../../src/domain/issue-schema';
import { applyMutation, type MutationContext } from '../../../src/domain/mutators';
import { eraseAttendee, purgePersonalData, termsOfQuery, withheldFromStaff } from '../../../src/domain/personal-data';
import type { Actor } from '../../../src/domain/staff';
import { summarizeDay } from '../../../src/domain/summary/day-summary';
import { uuidV7 } from '../../../src/domain/uuid-v7';

const sam: Actor = { id: 'staff-sam', name: 'Sam', role: 'staff' };
const alex: Actor = { id: 'staff-alex', name: 'Alex', role: 'coordinator' };
let clock = Date.UTC(2026, 6, 10, 12, 0);
let seq = 0;
const ctx = (actor: Actor = sam): MutationContext => {
  clock += 60_000;
  seq += 1;
  return { now: new Date(clock).toISOString(), actor, mutationUuid: `m-${seq}` };
};
const id = (n: number) => uuidV7(Date.UTC(2026, 6, 10), new Uint8Array(10).fill(n));
const foundId = id(1);
const lostId = id(2);

function logFound(storage?: string): Issue {
  return applyMutation(
    undefined,
    'createIssue',
    {
      id: foundId,
      eventId: 'festival',
      category: 'lost-property',
      summary: 'Black phone handed in at the bar',
      lostProperty: {
        kind: 'found',
        item: { category: 'phone', colour: 'black', brand: 'Samsung', marks: 'cracked corner' },
        place: 'Main bar',
        at: '2026-07-10T11:30:00.000Z',
        ...(storage ? { storage } : {}),
      },
    },
    ctx(),
  );
}

function logLost(consent: boolean): Issue {
  return applyMutation(
    undefined,
    'createIssue',
    {
      id: lostId,
      eventId: 'festival',
      category: 'lost-property',
      summary: 'Lost my phone',
      attendee: { name: 'Mia Jansen', email: 'mia@example.org' },
      consentGiven: consent,
      lostProperty: {
        kind: 'lost',
        item: { category: 'phone', colour: 'black', brand: 'Samsung Galaxy', marks: '' },
        place: 'Near the main stage',
        at: '2026-07-10T11:00:00.000Z',
      },
    },
    ctx(),
  );
}

const apply = (issue: Issue, name: string, args: Record<string, unknown>, actor?: Actor) =>
  applyMutation(issue, name, { issueId: issue.id, ...args }, ctx(actor));

function expectError(fn: () => unknown, message: RegExp): void {
  expect(fn).toThrow(AppError);
  expect(fn).toThrow(message);
}

const custodyOf = (issue: Issue) => issue.timeline.filter((e) => e.custody).map((e) => [e.custody, e.text]);

describe('found items and lost reports', () => {
  it('logs a found item stored at once, with the first steps of its chain of custody', () => {
    const item = logFound('Bin B4');
    expect(item.lostProperty).toMatchObject({ kind: 'found', storage: 'Bin B4', state: 'stored', matchedWith: null });
    expect(custodyOf(item)).toEqual([
      ['found', 'Found: phone (black Samsung) at Main bar'],
      ['stored', 'Stored in Bin B4'],
    ]);
    expect(new Set(item.timeline.map((e) => e.id)).size).toBe(item.timeline.length);
    expect(issueSchema.safeParse(item).success).toBe(true);
  });

  it('moves an item from bin to bin, each move on the timeline', () => {
    let item = logFound();
    expect(item.lostProperty?.state).toBe('reported');
    item = apply(item, 'storeItem', { storage: 'Shelf 2' });
    item = apply(item, 'storeItem', { storage: 'Safe' });
    expect(item.lostProperty).toMatchObject({ storage: 'Safe', state: 'stored' });
    expect(custodyOf(item).slice(1)).toEqual([
      ['stored', 'Stored in Shelf 2'],
      ['moved', 'Moved from Shelf 2 to Safe'],
    ]);
  });

  it('refuses to store a lost report', () => {
    expectError(() => apply(logLost(true), 'storeItem', { storage: 'Bin 1' }), /Only a found item/);
  });

  it('a confirmed match puts a consenting attendee on the follow-up list for "item found"', () => {
    const lost = apply(logLost(true), 'matchItem', { otherId: foundId, matched: true });
    expect(lost.lostProperty).toMatchObject({ state: 'matched', matchedWith: foundId });
    expect(lost.followUp).toMatchObject({ needed: true, reason: 'lost_property', outreach: 'pending' });
    const found = apply(logFound('Bin B4'), 'matchItem', { otherId: lostId, matched: true });
    expect(found.lostProperty).toMatchObject({ state: 'matched', matchedWith: lostId });
    expect(custodyOf(found).at(-1)).toEqual(['matched', 'Matched with a lost report']);
  });

  it('never puts an attendee who did not consent on the follow-up list', () => {
    const lost = apply(logLost(false), 'matchItem', { otherId: foundId, matched: true });
    expect(lost.followUp.needed).toBe(false);
  });

  it('undoes a wrong match back to storage', () => {
    let found = apply(logFound('Bin B4'), 'matchItem', { otherId: lostId, matched: true });
    found = apply(found, 'matchItem', { otherId: lostId, matched: false });
    expect(found.lostProperty).toMatchObject({ state: 'stored', matchedWith: null });
    expect(custodyOf(found).at(-1)?.[0]).toBe('unmatched');
  });

  it('records a hand-back with the ID check (last four characters only) and resolves the item', () => {
    let found = apply(logFound('Bin B4'), 'matchItem', { otherId: lostId, matched: true });
    found = apply(
      found,
      'handBackItem',
      {
        collectedBy: 'Mia Jansen',
        idKind: 'passport',
        idLast4: 'X7K2',
        confirmation: { kind: 'typed', text: 'This is my phone' },
      },
      alex,
    );
    expect(found.lostProperty?.state).toBe('handed_back');
    expect(found.lostProperty?.handback).toMatchObject({
      collectedBy: 'Mia Jansen',
      idKind: 'passport',
      idLast4: 'X7K2',
      by: { id: 'staff-alex', name: 'Alex' },
    });
    expect(found.status).toBe('resolved');
    expect(found.resolution).toBe('Handed back to Mia Jansen.');
    expect(custodyOf(found).map(([step]) => step)).toEqual(['found', 'stored', 'matched', 'handed_back']);
    expect(custodyOf(found).at(-1)?.[1]).toBe(
      'Handed back to Mia Jansen (ID checked: passport ending X7K2; confirmed in writing)',
    );
    expect(issueSchema.safeParse(found).success).toBe(true);
    expectError(() => apply(found, 'storeItem', { storage: 'Bin 9' }), /already handed back/);
  });

  it('refuses a whole ID number and a signature that is not a drawing', () => {
    const found = logFound('Bin B4');
    const base = { collectedBy: 'Mia', idKind: 'passport', confirmation: { kind: 'typed', text: 'mine' } };
    expectError(() => apply(found, 'handBackItem', { ...base, idLast4: 'NL123456789' }), /last four/);
    expectError(
      () => apply(found, 'handBackItem', { ...base, idLast4: '1234', confirmation: { kind: 'signature', path: '<script>' } }),
      /not a drawn signature/,
    );
    const signed = apply(found, 'handBackItem', {
      ...base,
      idLast4: '1234',
      confirmation: { kind: 'signature', path: 'M 10 10 L 20 25 L 30 12' },
    });
    expect(custodyOf(signed).at(-1)?.[1]).toMatch(/signed\)$/);
  });

  it('marks the lost report returned and closes its "item found" follow-up', () => {
    let lost = apply(logLost(true), 'matchItem', { otherId: foundId, matched: true });
    lost = apply(lost, 'recordItemReturned', { foundId });
    expect(lost.lostProperty?.state).toBe('returned');
    expect(lost.status).toBe('resolved');
    expect(lost.followUp.outreach).toBe('done');
  });

  it('disposes of an unclaimed item with a note', () => {
    const found = apply(logFound('Bin B4'), 'disposeItem', { how: 'disposed', note: 'Given to charity' }, alex);
    expect(found.lostProperty?.disposal).toMatchObject({ how: 'disposed', note: 'Given to charity' });
    expect(found.status).toBe('resolved');
    expect(custodyOf(found).at(-1)).toEqual(['disposed', 'Disposed of after the keeping period']);
  });

  it('applies a resent change once', () => {
    const found = logFound();
    const change = ctx();
    const once = applyMutation(found, 'storeItem', { issueId: foundId, storage: 'Bin 1' }, change);
    expect(applyMutation(once, 'storeItem', { issueId: foundId, storage: 'Bin 1' }, change)).toBe(once);
  });
});

describe('photos', () => {
  const file = (n: number, bytes: number) => ({
    hash: String(n).repeat(64).slice(0, 64),
    bytes,
    width: 1600,
    height: 1200,
    type: 'image/jpeg',
  });
  const photo = (n: number) => ({
    id: id(40 + n),
    full: file(n, 300_000),
    thumb: { ...file(n + 1, 20_000), width: 320, height: 240 },
  });

  it('attaches photos once each, and removes them', () => {
    let item = logFound();
    item = apply(item, 'attachPhoto', { photo: photo(1) });
    item = apply(item, 'attachPhoto', { photo: photo(3) });
    expect(item.photos?.map((p) => p.id)).toEqual([id(41), id(43)]);
    expect(item.photos?.[0]?.by).toEqual({ id: 'staff-sam', name: 'Sam' });
    expect(issueSchema.safeParse(item).success).toBe(true);
    item = apply(item, 'removePhoto', { photoId: id(41) });
    expect(item.photos?.map((p) => p.id)).toEqual([id(43)]);
  });

  it('refuses a file that is not a hash or is too big', () => {
    const item = logFound();
    expectError(() => apply(item, 'attachPhoto', { photo: { ...photo(1), full: { ...file(1, 1), hash: 'abc' } } }), /SHA-256/);
    expectError(() => apply(item, 'attachPhoto', { photo: { ...photo(1), full: file(1, 50_000_000) } }), /at most/);
  });
});

describe('the day summary', () => {
  const event: FestivalEvent = { ...defaultEvent('festival', 'Europe/Amsterdam'), days: ['2026-07-10'] };

  it('counts reports, found items, matches, returns and the return rate', () => {
    let found = logFound('Bin B4');
    let lost = logLost(true);
    found = apply(found, 'matchItem', { otherId: lostId, matched: true });
    lost = apply(lost, 'matchItem', { otherId: foundId, matched: true });
    found = apply(found, 'handBackItem', {
      collectedBy: 'Mia',
      idKind: 'id_card',
      idLast4: '9911',
      confirmation: { kind: 'typed', text: 'mine' },
    });
    const summary = summarizeDay([found, lost], event, '2026-07-10', new Date(clock + 60_000));
    expect(summary.lostProperty).toEqual({
      reported: 1,
      found: 1,
      matched: 1,
      returned: 1,
      inStorage: 0,
      foundAndReturned: 1,
      returnRate: 1,
    });
    const before = summarizeDay([logFound('Bin 1')], event, '2026-07-10', new Date(clock + 60_000));
    expect(before.lostProperty).toMatchObject({ found: 1, inStorage: 1, returnRate: 0 });
  });
});

describe('the person who collected an item is personal data', () => {
  const stamp = { entryId: 'removal-1', at: '2026-08-20T10:00:00.000Z', by: { id: 'jo', name: 'Jo' } };
  const handedBack = () =>
    apply(logFound('Bin B4'), 'handBackItem', {
      collectedBy: 'Mia Jansen',
      idKind: 'passport',
      idLast4: 'X7K2',
      confirmation: { kind: 'signature', path: 'M 1 1 L 5 9' },
    });
  const text = (issue: Issue | null) => JSON.stringify(issue);

  it('staff phones of others receive the hand-back without name, ID or signature', () => {
    const seen = withheldFromStaff(handedBack());
    expect(text(seen)).not.toMatch(/Mia|Jansen|X7K2|M 1 1/);
    expect(seen.lostProperty?.handback).toMatchObject({ idKind: 'passport', by: { name: 'Sam' } });
    expect(seen.lostProperty?.state).toBe('handed_back');
  });

  it('the retention period removes them, and photos of an ID card', () => {
    const card = applyMutation(
      undefined,
      'createIssue',
      {
        id: id(9),
        eventId: 'festival',
        category: 'lost-property',
        summary: 'Driving licence found',
        lostProperty: { kind: 'found', item: { category: 'id_card', colour: '', brand: '', marks: '' }, place: '', at: null },
      },
      ctx(),
    );
    const photographed = apply(card, 'attachPhoto', {
      photo: {
        id: id(50),
        full: { hash: 'a'.repeat(64), bytes: 9, width: 9, height: 9, type: 'image/jpeg' },
        thumb: { hash: 'b'.repeat(64), bytes: 9, width: 9, height: 9, type: 'image/jpeg' },
      },
    });
    expect(purgePersonalData(photographed, stamp)?.photos).toEqual([]);
    const purged = purgePersonalData(handedBack(), stamp);
    expect(text(purged)).not.toMatch(/Mia|Jansen|X7K2/);
    expect(purged?.lostProperty?.handback?.at).toBeTruthy();
  });

  it('an erasure request for the collector erases them from the hand-back', () => {
    const erased = eraseAttendee(handedBack(), termsOfQuery('Mia Jansen'), stamp);
    expect(text(erased)).not.toMatch(/Mia|Jansen|X7K2/);
  });
});

describe('the lost-property register export', () => {
  it('has one row per found item or lost report, with its custody and hand-back', () => {
    const event: FestivalEvent = { ...defaultEvent('festival', 'Europe/Amsterdam'), days: ['2026-07-10'] };
    const other = applyMutation(
      undefined,
      'createIssue',
      { id: id(20), eventId: 'festival', category: 'ticketing', summary: 'Wristband' },
      ctx(),
    );
    const found = apply(logFound('Bin B4'), 'handBackItem', {
      collectedBy: 'Mia Jansen',
      idKind: 'passport',
      idLast4: 'X7K2',
      confirmation: { kind: 'typed', text: 'mine' },
    });
    const table = exportTable([other, found, logLost(true)], event, { kind: 'lost-property', day: null });
    expect(table.rows.map((row) => [row.kind, row.item, row.state])).toEqual([
      ['found', 'phone', 'handed_back'],
      ['lost', 'phone', 'reported'],
    ]);
    expect(table.rows[0]).toMatchObject({
      storage: 'Bin B4',
      collected_by: 'Mia Jansen',
      id_last4: 'X7K2',
      handed_back_by: 'Sam',
    });
    expect(Object.keys(table.rows[0]!)).toEqual([...table.columns]);
  });
});
