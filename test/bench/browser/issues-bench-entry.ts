/**
 * Runs inside Chromium (bundled by esbuild): the real phone storage code — Dexie database,
 * repositories, queue filter, mutators — against a real on-disk IndexedDB.
 */
import { HelptentDatabase } from '../../../src/db/database';
import { ensureEvent } from '../../../src/db/event-repository';
import { importIssues, readQueue } from '../../../src/db/issue-repository';
import { filterQueue, type QueueFilter } from '../../../src/db/queue-filter';
import type { QueueRow } from '../../../src/db/rows';
import { saveChange } from '../../../src/db/save-change';
import { switchStaff } from '../../../src/db/staff-repository';
import type { FestivalEvent } from '../../../src/domain/event';
import { severities } from '../../../src/domain/issue';
import type { MutationContext } from '../../../src/domain/mutators';
import type { StaffMember } from '../../../src/domain/staff';
import { uuidV7 } from '../../../src/domain/uuid-v7';
import { generateDemoFestival } from '../../../tools/demo/demo-festival';
import { type Random, seededRandom } from '../../../tools/demo/seeded-random';
import type { FilterSamples, HelptentBench, SaveSamples } from './bench-api';

let db: HelptentDatabase | null = null;
let event: FestivalEvent | null = null;
let staff: StaffMember[] = [];
let heldRows: QueueRow[] | null = null;

function ready(): { db: HelptentDatabase; event: FestivalEvent } {
  if (!db || !event) throw new Error('seedDatabases() must run first');
  return { db, event };
}

/** What coordinators type into the queue's search box, including half-typed words. */
const searchTerms = [
  'phone',
  'wallet',
  'keys',
  'refund',
  'wristband',
  'top-up',
  'toilets',
  'shuttle',
  'tent',
  'lost',
  'steward',
  'kompas',
  'main stage',
  'dance tent',
  'info tent',
  'anna',
  'priya',
  'wb-',
  'bar 3',
  'allergy',
  'glasses',
  'passport',
  'lost phone',
  'double charge',
];

function typed(random: Random, term: string): string {
  return term.slice(0, random.int(Math.min(2, term.length), term.length));
}

function randomFilter(random: Random, current: FestivalEvent): QueueFilter {
  return {
    status: random.weighted({ active: 50, all: 25, open: 8, in_progress: 5, follow_up: 7, resolved: 3, closed: 2 }),
    severity: random.chance(0.15) ? random.pick(severities) : 'all',
    category: random.chance(0.3) ? random.pick(current.categories).id : '',
    zoneId: random.chance(0.2) ? random.pick(current.zones).id : '',
    mine: random.chance(0.1),
    owner: '',
    publicRisk: random.chance(0.05),
    followUp: random.chance(0.1),
    day: random.chance(0.4) ? random.pick(current.days) : '',
    hour: random.chance(0.1) ? String(random.int(0, 23)) : '',
    text: random.chance(0.6) ? typed(random, random.pick(searchTerms)) : '',
  };
}

function context(actor: StaffMember): MutationContext {
  const now = Date.now();
  return { now: new Date(now).toISOString(), actor, mutationUuid: uuidV7(now, crypto.getRandomValues(new Uint8Array(10))) };
}

/** A createIssue as the capture form sends it with "More details" filled in. */
function captureArgs(random: Random, current: FestivalEvent): Record<string, unknown> {
  const now = Date.now();
  return {
    id: uuidV7(now, crypto.getRandomValues(new Uint8Array(10))),
    eventId: current.id,
    category: random.pick(current.categories).id,
    summary: random.pick(['Lost phone near the main stage', 'Cashless top-up not showing', 'Wristband not scanning']),
    details: 'Last seen at the bar by the sound desk around 22:40. Black case with a sticker on the back.',
    severity: random.pick(severities),
    zoneId: random.pick(current.zones).id,
    location: 'bar 3 by the sound desk',
    source: { kind: 'in_person', link: '' },
    attendee: { name: 'Anna Example', email: 'anna.example@example.org', phone: '+44 7700 900123', ticketId: 'WB-ACD3479' },
    consentGiven: true,
    moodAtIntake: 'upset',
    tags: ['phone'],
  };
}

async function timed(operation: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await operation();
  return performance.now() - started;
}

const bench: HelptentBench = {
  async seedDatabases({ seed, issueCount, benchDb, appDb }) {
    let started = performance.now();
    const festival = generateDemoFestival({ seed, issueCount });
    const generateMs = performance.now() - started;
    event = festival.event;
    staff = festival.staff;
    db = new HelptentDatabase(benchDb);
    await db.open();
    started = performance.now();
    await importIssues(db, festival.event, festival.issues);
    const importMs = performance.now() - started;

    // The app's own database, filled before the app first opens it, as on a coordinator's phone.
    const appDatabase = new HelptentDatabase(appDb);
    await appDatabase.open();
    await importIssues(appDatabase, festival.event, festival.issues);
    const stored = await ensureEvent(appDatabase, festival.event);
    if (stored.id !== festival.event.id) throw new Error(`${appDb} already had another event (${stored.id})`);
    await switchStaff(appDatabase, festival.staff.find((m) => m.role === 'coordinator')!);
    appDatabase.close();
    return { eventId: festival.event.id, issueCount: festival.issues.length, generateMs, importMs };
  },

  async loadQueue() {
    const { db, event } = ready();
    const started = performance.now();
    heldRows = await readQueue(db, event.id);
    return { ms: performance.now() - started, rows: heldRows.length };
  },

  dropQueue() {
    heldRows = null;
  },

  filterSamples({ warmup, samples, seed }): FilterSamples {
    const { event } = ready();
    if (!heldRows) throw new Error('loadQueue() must run first');
    const random = seededRandom(seed);
    const ms: number[] = [];
    let matches = 0;
    for (let i = 0; i < warmup + samples; i += 1) {
      const filter = randomFilter(random, event);
      const myId = random.pick(staff).id;
      const started = performance.now();
      const shown = filterQueue(heldRows, filter, myId);
      const elapsed = performance.now() - started;
      if (i >= warmup) {
        ms.push(elapsed);
        matches += shown.length;
      }
    }
    return { ms, meanMatches: matches / samples };
  },

  async saveSamples({ warmup, samples, seed }): Promise<SaveSamples> {
    const { db, event } = ready();
    const random = seededRandom(seed);
    const actor = staff.find((m) => m.role === 'staff')!;
    const existingIds = (await db.issues.toCollection().primaryKeys()) as string[];
    const result: SaveSamples = { createIssueMs: [], addNoteMs: [], barePutMs: [] };
    let lastCreated: Record<string, unknown> | null = null;

    // Each kind prepares its arguments first and times only the storage call, from the call
    // until its transaction completed.
    const createIssue = async () => {
      const change = { name: 'createIssue' as const, args: captureArgs(random, event), context: context(actor) };
      const started = performance.now();
      const saved = await saveChange(db, event, change);
      const ms = performance.now() - started;
      lastCreated = saved.issue as unknown as Record<string, unknown>;
      return ms;
    };
    const addNote = () => {
      const args = { issueId: random.pick(existingIds), text: 'Radioed the bar team; they will look after the rush.' };
      return timed(() => saveChange(db, event, { name: 'addNote', args, context: context(actor) }));
    };
    // The baseline: the same record shape, one put, its own transaction, same durability.
    const barePut = () => {
      const record = { ...lastCreated!, id: uuidV7(Date.now(), crypto.getRandomValues(new Uint8Array(10))) } as never;
      return timed(() => db.transaction('rw', db.issues, () => db.issues.put(record)));
    };

    const kinds = [
      { run: createIssue, into: result.createIssueMs },
      { run: barePut, into: result.barePutMs },
      { run: addNote, into: result.addNoteMs },
    ];
    for (let i = 0; i < warmup + samples; i += 1) {
      // Rotate the order so no kind always runs right after another one's disk flush.
      for (let k = 0; k < kinds.length; k += 1) {
        const kind = kinds[(i + k) % kinds.length]!;
        if (kind.run === barePut && !lastCreated) await createIssue();
        const ms = await kind.run();
        if (i >= warmup) kind.into.push(ms);
      }
    }
    return result;
  },

  close() {
    db?.close();
    db = null;
  },
};

window.helptentBench = bench;
