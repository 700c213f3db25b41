import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearAfterSelfSignOut, removeAttendeeData } from '../../../src/db/attendee-data-removal';
import { HelptentDatabase } from '../../../src/db/database';
import { readDeviceIdentity } from '../../../src/db/device-repository';
import { readDraft, saveDraft } from '../../../src/db/draft-repository';
import { readQueue } from '../../../src/db/issue-repository';
import { saveChange } from '../../../src/db/save-change';
import { readStaff, switchStaff } from '../../../src/db/staff-repository';
import { applyPulledPage } from '../../../src/db/sync-repository';
import { readSyncState, type SyncState, syncStateKey } from '../../../src/db/sync-state';
import { defaultEvent, type FestivalEvent } from '../../../src/domain/event';
import type { Issue } from '../../../src/domain/issue';
import { applyMutation, type MutationContext } from '../../../src/domain/mutators';
import { say } from '../../../src/domain/phrase';
import type { Actor } from '../../../src/domain/staff';
import { uuidV7 } from '../../../src/domain/uuid-v7';

const sam: Actor = { id: 'staff-sam', name: 'Sam', role: 'staff' };
const event: FestivalEvent = { ...defaultEvent('festival', 'Europe/Amsterdam') };
let db: HelptentDatabase;
let n = 0;
const newId = () => uuidV7(Date.UTC(2026, 6, 10) + n, new Uint8Array(10).fill(++n));
const context = (now = '2026-07-10T20:00:00.000Z'): MutationContext => ({ now, actor: sam, mutationUuid: newId() });

/** Robin's details, as staff type them into fields and free text. */
const robin = { name: 'Robin Jansen', email: 'robin.jansen@example.org', phone: '+31 6 1234 5678', ticketId: 'TCK-99812' };
const leaks = ['robin', 'jansen', 'example.org', '1234 5678', '12345678', 'tck-99812', 'kim@mail.example'];
const leaked = (value: unknown) => {
  const text = JSON.stringify(value).toLowerCase();
  return leaks.filter((leak) => text.includes(leak));
};

const state: SyncState = {
  token: 'token-of-this-phone-0123456789',
  role: 'staff',
  staffName: 'Sam',
  eventId: event.id,
  cursor: 0,
  lastSyncedAt: null,
  lastError: null,
};

/** An issue the server sent (version 7): Robin in the contact fields, the summary, a note and what we told them. */
async function pullSyncedIssue(): Promise<Issue> {
  const id = newId();
  let issue = applyMutation(
    undefined,
    'createIssue',
    {
      id,
      eventId: event.id,
      category: 'lost-property',
      summary: `Robin lost a wallet, call ${robin.phone}`,
      details: `Mail ${robin.email} when found`,
      location: 'Gate B',
      attendee: { ...robin, preferredChannel: 'sms' },
      consentGiven: true,
      moodAtIntake: 'upset',
    },
    context(),
  );
  issue = applyMutation(issue, 'addNote', { issueId: id, text: 'Called Robin on 0612345678, no answer' }, context());
  issue = applyMutation(
    issue,
    'handOver',
    { issueId: id, to: { id: 'staff-kim', name: 'Kim' }, note: 'Robin Jansen waits at the info tent' },
    context(),
  );
  issue = applyMutation(issue, 'recordToldAttendee', { issueId: id, text: `We will mail ${robin.email}` }, context());
  await applyPulledPage(db, {
    people: [],
    device: { id: 'device-1', role: 'staff', staffName: 'Sam' },
    lastMutationId: 0,
    issues: [{ issue, version: 7 }],
    cursor: 7,
    hasMore: false,
  });
  return issue;
}

beforeEach(async () => {
  db = new HelptentDatabase(`removal-test-${Math.random()}`);
  await db.open();
  await db.meta.put({ key: 'event', value: event });
  await db.meta.put({ key: syncStateKey, value: state });
  await db.meta.put({ key: 'device', value: { deviceId: 'device-1', firstOpenedAt: '2026-07-10T08:00:00.000Z' } });
  await switchStaff(db, { id: sam.id, name: sam.name, role: 'staff' });
});
afterEach(async () => {
  await db.delete();
});

describe('a signed-out phone removes attendee data', () => {
  it('leaves no attendee details in issues, queue rows, refusals, drafts or set-aside rows, and keeps the unsent changes as they were', async () => {
    const synced = await pullSyncedIssue();
    // Not on the server yet: a new issue with another attendee's details, and a note on the synced one.
    await saveChange(db, event, {
      name: 'createIssue',
      args: {
        id: newId(),
        eventId: event.id,
        category: 'ticketing',
        summary: 'Wristband broken, reach her at kim@mail.example',
        attendee: { name: 'Kim de Vries', email: 'kim@mail.example', phone: '', ticketId: '', preferredChannel: 'email' },
      },
      context: context(),
    });
    await saveChange(db, event, {
      name: 'addNote',
      args: { issueId: synced.id, text: `Robin called back from ${robin.phone}` },
      context: context(),
    });
    await db.refusedChanges.put({
      mutationId: 90,
      mutationUuid: newId(),
      name: 'updateFields',
      args: { issueId: synced.id, fields: { summary: 'Robin Jansen again', attendee: { email: robin.email } } },
      issueId: synced.id,
      actor: { ...sam },
      createdAt: '2026-07-10T20:00:00.000Z',
      kind: 'invalid',
      message: 'attendee.email: does not look like an email address',
      rejectedAt: '2026-07-10T20:01:00.000Z',
    });
    // A refusal said as a phrase: the attendee can be in its values as in its message.
    const voidedFor = `Robin Jansen twice, ${robin.email}`;
    await db.refusedChanges.put({
      mutationId: 91,
      mutationUuid: newId(),
      name: 'addNote',
      args: { issueId: synced.id, text: 'Later' },
      issueId: synced.id,
      actor: { ...sam },
      createdAt: '2026-07-10T20:00:00.000Z',
      kind: 'invalid',
      message: `Jo voided this issue (${voidedFor}); it takes no more changes.`,
      phrase: say('{name} voided this issue ({reason}); it takes no more changes.', { name: 'Jo', reason: voidedFor }),
      rejectedAt: '2026-07-10T20:01:00.000Z',
    });
    await saveDraft(
      db,
      'capture',
      { summary: `Robin at ${robin.phone}`, attendeeName: robin.name, email: robin.email, category: 'medical' },
      '2026-07-10T20:02:00.000Z',
    );
    await db.meta.put({
      key: syncStateKey,
      value: {
        ...(await readSyncState(db))!,
        setAside: [{ issueId: 'x', version: 3, reason: `summary: ${robin.email}`, at: '2026-07-10T20:00:00.000Z' }],
      },
    });
    const outboxBefore = await db.unsentChanges.toArray();
    expect(leaked(outboxBefore).length).toBeGreaterThan(0);

    await removeAttendeeData(db, { at: '2026-07-10T21:00:00.000Z', by: 'organizer' });

    const issues = await db.issues.toArray();
    expect(issues).toHaveLength(2);
    for (const table of [
      issues,
      await db.queue.toArray(),
      await db.queuePages.toArray(),
      await db.refusedChanges.toArray(),
      await db.drafts.toArray(),
    ]) {
      expect(leaked(table)).toEqual([]);
    }
    expect(leaked((await readSyncState(db))?.setAside)).toEqual([]);
    // The only copy of what Sam typed and the server has not got: exactly as it was.
    expect(await db.unsentChanges.toArray()).toEqual(outboxBefore);

    const cleaned = issues.find((issue) => issue.id === synced.id)!;
    expect(cleaned.attendee).toEqual({ name: '', email: '', phone: '', ticketId: '', preferredChannel: null });
    expect(cleaned.summary).toBe('[attendee] lost a wallet, call [contact]');
    expect(cleaned.toldAttendee).toBe('We will mail [contact]');
    expect(cleaned.timeline.map((entry) => entry.note)).toContain('Called [attendee] on [contact], no answer');
    // Figures stay: category, consent, moods, status, owner, times, the server version it rests on.
    expect(cleaned).toMatchObject({
      category: 'lost-property',
      consent: { given: true },
      contactWithheld: true,
      moodAtIntake: 'upset',
      status: synced.status,
      owner: { id: 'staff-kim', name: 'Kim' },
      createdAt: synced.createdAt,
      serverVersion: 7,
    });
    expect(cleaned.timeline).toHaveLength(synced.timeline.length + 1);
    expect(await readQueue(db, event.id)).toHaveLength(2);
    const refused = (await db.refusedChanges.get(90))!;
    expect(refused.args).toEqual({
      issueId: synced.id,
      fields: {
        summary: '[attendee] [attendee] again',
        attendee: { name: '', email: '', phone: '', ticketId: '', preferredChannel: null },
      },
    });
    expect((await db.refusedChanges.get(91))!.phrase).toEqual(
      say('{name} voided this issue ({reason}); it takes no more changes.', {
        name: 'Jo',
        reason: '[attendee] [attendee] twice, [contact]',
      }),
    );
    expect(await readDraft(db, 'capture')).toEqual({
      summary: '[attendee] at [contact]',
      attendeeName: '',
      email: '',
      category: 'medical',
    });
    // Let back in, it fetches again what its role may see.
    expect(await readSyncState(db)).toMatchObject({ cursor: 0, signedOut: { by: 'organizer' } });
  });
});

describe('sign out and clear this phone', () => {
  it('with nothing waiting, forgets the event’s issues, its people and its membership, and takes a new device id', async () => {
    await pullSyncedIssue();
    await db.unsentChanges.clear();
    const outcome = await clearAfterSelfSignOut(db, '2026-07-10T22:00:00.000Z', {
      deviceId: 'device-2',
      firstOpenedAt: '2026-07-10T22:00:00.000Z',
    });
    expect(outcome).toEqual({ cleared: 'all' });
    expect(await db.issues.count()).toBe(0);
    expect(await readQueue(db, event.id)).toEqual([]);
    expect(await readSyncState(db)).toBeUndefined();
    expect(await readStaff(db)).toEqual({ current: null, recent: [] });
    expect((await readDeviceIdentity(db))?.deviceId).toBe('device-2');
    expect(leaked(await db.meta.toArray())).toEqual([]);
  });

  it('with changes waiting, keeps them and the membership that can send them, and removes the attendee data', async () => {
    const synced = await pullSyncedIssue();
    await saveChange(db, event, {
      name: 'addNote',
      args: { issueId: synced.id, text: `Robin called back from ${robin.phone}` },
      context: context(),
    });
    const outcome = await clearAfterSelfSignOut(db, '2026-07-10T22:00:00.000Z', {
      deviceId: 'device-2',
      firstOpenedAt: '2026-07-10T22:00:00.000Z',
    });
    expect(outcome).toEqual({ cleared: 'attendee-data', keptChanges: 1 });
    expect(await db.unsentChanges.count()).toBe(1);
    expect(leaked(await db.issues.toArray())).toEqual([]);
    expect(await readSyncState(db)).toMatchObject({ token: state.token, signedOut: { by: 'self' } });
    expect((await readDeviceIdentity(db))?.deviceId).toBe('device-1');
  });
});
