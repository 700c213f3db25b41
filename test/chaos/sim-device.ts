import { HelptentDatabase } from '../../src/db/database';
import { ensureDeviceIdentity } from '../../src/db/device-repository';
import { ensureEvent, readEvent } from '../../src/db/event-repository';
import { saveChange, saveEventChange } from '../../src/db/save-change';
import { saveJoin } from '../../src/db/sync-repository';
import { AppError } from '../../src/domain/app-error';
import { defaultEvent, type FestivalEvent } from '../../src/domain/event';
import type { MutationName } from '../../src/domain/mutation-args';
import type { Actor, Role } from '../../src/domain/staff';
import { type Call, createTransport } from '../../src/sync/http';
import { type SyncSizes, syncOnce } from '../../src/sync/sync-once';
import { changeFor, type Op } from './sim-ops';

/** One change a simulated person saved on their phone, as the phone numbered it. */
export interface SavedMutation {
  mutationUuid: string;
  /** The device's number for it (the outbox key). */
  mutationId: number;
  name: MutationName;
  issueId: string;
  leavesTrace: boolean;
  noteText?: string;
}

/** A phone running the real client code: Dexie over fake-indexeddb, saveChange and syncOnce. */
export interface SimDevice {
  index: number;
  name: string;
  role: Role;
  deviceId: string;
  db: HelptentDatabase;
  event: FestivalEvent;
  actor: Actor;
  /** Phone clocks at festivals are off by hours; ordering must not depend on them. */
  clockSkewMs: number;
  sizes: SyncSizes;
  call: Call;
  /** Faults for this phone's next requests, in order; when empty, requests go through. */
  faults: Fault[];
  /** No signal: every request fails before it leaves the phone. */
  offline: boolean;
  /** Set by a test to act when this phone's push is on the wire (a server kill mid-push). */
  onPushSent: ((answer: Promise<Response>) => void) | undefined;
  saved: SavedMutation[];
  refusedLocally: number;
}

export interface JoinOptions {
  index: number;
  fetch: typeof fetch;
  baseUrl: string;
  code: string;
  name: string;
  deviceId: string;
  dbName: string;
  clockSkewMs: number;
  sizes: SyncSizes;
}

/** Opens a fresh phone database and joins the event with a code, as the settings screen does. */
export async function joinDevice(options: JoinOptions): Promise<SimDevice> {
  const db = new HelptentDatabase(options.dbName);
  await db.open();
  await ensureDeviceIdentity(db, { deviceId: options.deviceId, firstOpenedAt: new Date(0).toISOString() });
  await ensureEvent(db, defaultEvent('local', 'Europe/Amsterdam'));
  const response = await options.fetch(`${options.baseUrl}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code: options.code,
      deviceId: options.deviceId,
      staffId: `staff-${options.name}`,
      staffName: options.name,
    }),
  });
  if (!response.ok) throw new Error(`join failed (${response.status}): ${await response.text()}`);
  const joined = (await response.json()) as { token: string; device: { role: Role }; event: FestivalEvent };
  const role = joined.device.role;
  await saveJoin(
    db,
    {
      token: joined.token,
      role,
      staffName: options.name,
      eventId: joined.event.id,
      cursor: 0,
      lastSyncedAt: null,
      lastError: null,
    },
    joined.event,
  );
  const device: SimDevice = {
    index: options.index,
    name: options.name,
    role,
    deviceId: options.deviceId,
    db,
    event: joined.event,
    actor: { id: `staff-${options.name}`, name: options.name, role },
    clockSkewMs: options.clockSkewMs,
    sizes: options.sizes,
    call: () => Promise.reject(new Error('not connected yet')),
    faults: [],
    offline: false,
    onPushSent: undefined,
    saved: [],
    refusedLocally: 0,
  };
  const network = faultyFetch(options.fetch, {
    nextFault: () => (device.offline ? 'offline' : (device.faults.shift() ?? 'ok')),
    onPushSent: (answer) => device.onPushSent?.(answer),
  });
  device.call = createTransport({ baseUrl: options.baseUrl, fetch: network, isOnline: () => !device.offline });
  return device;
}

/** Refusals a person meets on their own phone (the form would not let them); anything else is a bug. */
const localRefusals = new Set(['invalid', 'invalid-transition', 'not-found']);

function refusedHere(device: SimDevice, error: unknown): false {
  if (!(error instanceof AppError && localRefusals.has(error.kind))) throw error;
  device.refusedLocally += 1;
  return false;
}

/**
 * Saves an operation the way the app does. Returns false when the phone itself refuses it (an
 * issue this phone has not seen yet, a status that cannot follow the current one).
 */
export async function saveOp(
  device: SimDevice,
  op: Op,
  ids: { mutationUuid: string; unique: number; at: number },
): Promise<boolean> {
  const change = changeFor(op, ids.unique, device.event.id);
  try {
    // The settings as they are now on this phone (a coordinator may have moved the day start).
    const event = (await readEvent(device.db)) ?? device.event;
    const { mutationId } = await saveChange(device.db, event, {
      name: change.name,
      args: change.args,
      context: {
        now: new Date(ids.at + device.clockSkewMs).toISOString(),
        actor: device.actor,
        mutationUuid: ids.mutationUuid,
      },
    });
    device.saved.push({
      mutationUuid: ids.mutationUuid,
      mutationId,
      name: change.name,
      issueId: op.issueId,
      leavesTrace: change.leavesTrace,
      ...(change.noteText === undefined ? {} : { noteText: change.noteText }),
    });
    return true;
  } catch (error) {
    return refusedHere(device, error);
  }
}

const zoneNames = ['Main stage', 'Big top', 'North stage', 'Dance tent'] as const;
const festivalNames = ['Dijkdrift', 'Dijkdrift 2026', 'Festival'] as const;
const dayStarts = ['05:00', '06:00', '07:00'] as const;

/**
 * A coordinator changes the festival settings, as the settings screen does: the day start, the
 * name, or a zone renamed in place (its issues stay in it). Returns false when the phone itself
 * refuses it (another zone already has that name) or it changes nothing.
 */
export async function saveSettingsOp(
  device: SimDevice,
  choice: number,
  ids: { mutationUuid: string; at: number },
): Promise<boolean> {
  const event = (await readEvent(device.db))!;
  const pick = <T>(items: readonly T[]) => items[Math.abs(choice) % items.length]!;
  const kind = choice % 3;
  const change =
    kind === 0
      ? { name: 'changeEventSettings' as const, args: { dayStartsAt: pick(dayStarts) } }
      : kind === 1
        ? { name: 'changeEventSettings' as const, args: { name: pick(festivalNames) } }
        : {
            name: 'setZones' as const,
            args: { zones: event.zones.map((z, i) => (i === Math.floor(choice / 3) % 3 ? { ...z, name: pick(zoneNames) } : z)) },
          };
  try {
    const { mutationId } = await saveEventChange(device.db, {
      name: change.name,
      args: change.args,
      context: { now: new Date(ids.at + device.clockSkewMs).toISOString(), actor: device.actor, mutationUuid: ids.mutationUuid },
    });
    if (mutationId === null) return false;
    device.saved.push({ mutationUuid: ids.mutationUuid, mutationId, name: change.name, issueId: '', leavesTrace: false });
    return true;
  } catch (error) {
    return refusedHere(device, error);
  }
}

/**
 * A change queued the way an older app version with looser checks would have queued it (an empty
 * note): the server refuses it, and the phone must keep it aside with the reason.
 */
export async function saveOldAppChange(
  device: SimDevice,
  issueId: string,
  ids: { mutationUuid: string; at: number },
): Promise<void> {
  const mutationId = await device.db.unsentChanges.add({
    mutationUuid: ids.mutationUuid,
    name: 'addNote',
    args: { issueId, text: '' },
    issueId,
    actor: { id: device.actor.id, name: device.actor.name, role: device.actor.role },
    createdAt: new Date(ids.at + device.clockSkewMs).toISOString(),
    baseVersion: (await device.db.issues.get(issueId))?.serverVersion ?? 0,
  });
  device.saved.push({
    mutationUuid: ids.mutationUuid,
    mutationId: mutationId as number,
    name: 'addNote',
    issueId,
    leavesTrace: true,
  });
}

/** One sync round; network failures are expected here, anything else is a bug and is rethrown. */
export async function trySync(device: SimDevice): Promise<'synced' | 'failed'> {
  try {
    const joined = await syncOnce(device.db, device.call, device.sizes);
    if (!joined) throw new Error(`${device.name} is not joined`);
    return 'synced';
  } catch (error) {
    if (error instanceof AppError && error.kind === 'offline') return 'failed';
    // A server stopping politely answers requests that arrive while it closes with 503: a phone
    // sees an unavailable server and tries again later, as with no signal.
    if (error instanceof AppError && error.kind === 'server' && error.message.includes('(503)')) return 'failed';
    throw error;
  }
}

/** What a request suffers on its way: the network is the part of the system we fake. */
export type Fault = 'ok' | 'offline' | 'dropRequest' | 'dropResponse' | 'duplicate' | 'duplicateParallel';

export interface FaultyFetchOptions {
  /** The fault for the next request; called once per request, in order. */
  nextFault: () => Fault;
  /** Called when a push request has been handed to the network (for kills mid-push). */
  onPushSent?: (answer: Promise<Response>) => void;
}

const networkError = () => new TypeError('fetch failed');

/**
 * A fetch that loses requests, loses answers after the server acted on them, and sends requests
 * twice (one after the other, or both at once). The client sees what a phone would see: a
 * failed fetch, or one answer.
 */
export function faultyFetch(base: typeof fetch, options: FaultyFetchOptions): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const fault = options.nextFault();
    if (fault === 'offline' || fault === 'dropRequest') throw networkError();
    const send = () => {
      const sent = base(input, init);
      if (String(input).endsWith('/api/sync/push')) options.onPushSent?.(sent);
      return sent;
    };
    if (fault === 'dropResponse') {
      const response = await send();
      await response.arrayBuffer();
      throw networkError();
    }
    if (fault === 'duplicate') {
      const first = await send();
      await first.arrayBuffer();
      return send();
    }
    if (fault === 'duplicateParallel') {
      const [first, second] = await Promise.all([send(), send()]);
      await second.arrayBuffer();
      return first;
    }
    return send();
  }) as typeof fetch;
}
