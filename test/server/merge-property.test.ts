import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidV7 } from '../../src/domain/uuid-v7';
import { createJoinCode } from '../../src/server/events/event-admin';
import { expectConverged, expectUpToDateCopiesMatch, readServerSnapshot } from '../chaos/convergence';
import { loggedBefore, type Scenario, scenarioArb } from '../chaos/sim-arbitraries';
import { type Fault, joinDevice, type SimDevice, saveOp, trySync } from '../chaos/sim-device';
import type { Op } from '../chaos/sim-ops';
import { type Backend, backends, injectFetch, startTestServer } from './helpers';
import { setUpEvent } from './sync-helpers';

/**
 * The merge, as a property: whatever order the server receives the same changes in from 3–5
 * phones — held back offline, sent twice, answers lost so they are sent again — the server and
 * every phone end with the same issues, and every change is there once (or refused, with a
 * reason the phone keeps). Real server (buildApp on a fresh SQLite file per run, and on
 * PostgreSQL when TEST_DATABASE_URL is set, through app.inject), real client code (Dexie over
 * fake-indexeddb, saveChange, syncOnce); only the network is simulated.
 *
 * A failure prints fast-check's seed and path; replay with MERGE_SEED=… MERGE_PATH=… .
 * More runs: MERGE_RUNS=500.
 */

const numRuns = Number(process.env.MERGE_RUNS ?? 60);
const replay = process.env.MERGE_SEED
  ? { seed: Number(process.env.MERGE_SEED), ...(process.env.MERGE_PATH ? { path: process.env.MERGE_PATH } : {}) }
  : {};

let runCount = 0;

async function runScenario(backend: Backend, scenario: Scenario): Promise<void> {
  runCount += 1;
  const server = await startTestServer({ backend });
  const devices: SimDevice[] = [];
  try {
    const app = server.app;
    await setUpEvent(app);
    const fetchOverInject = injectFetch(app);
    for (const [index, phone] of scenario.phones.entries()) {
      const { code } = await createJoinCode(app.storage, {
        eventId: 'festival',
        role: phone.role,
        singleUse: false,
        validMinutes: 60,
        createdBy: null,
        now: new Date(),
      });
      devices.push(
        await joinDevice({
          index,
          fetch: fetchOverInject,
          baseUrl: '',
          code,
          name: `Phone${index}`,
          deviceId: uuidV7(Date.UTC(2026, 6, 1) + index, new Uint8Array(10).fill(index + 1)),
          dbName: `merge-property-${runCount}-${index}`,
          clockSkewMs: phone.clockSkewHours * 3_600_000,
          sizes: { batchSize: phone.batchSize, pageSize: phone.pageSize },
        }),
      );
    }

    let unique = 0;
    const save = (device: SimDevice, op: Op) => {
      unique += 1;
      const at = Date.UTC(2026, 6, 10, 18) + unique * 60_000;
      return saveOp(device, op, { mutationUuid: uuidV7(at, new Uint8Array(10).fill(unique % 256)), unique, at });
    };
    const nextOps = scenario.phones.map((phone) => [...phone.ops]);
    const doOp = async (device: SimDevice) => {
      const op = nextOps[device.index]!.shift();
      if (op) await save(device, op);
    };
    /** Like the sync engine: a failed round is tried again (which is how requests get sent twice). */
    const sync = async (device: SimDevice, faults: Fault[]) => {
      device.faults = [...faults];
      for (let attempt = 0; attempt < 3; attempt += 1) if ((await trySync(device)) === 'synced') break;
      device.faults = [];
    };
    const at = (index: number) => devices[index % devices.length]!;

    for (const [i, { by, ...fields }] of scenario.loggedBefore.entries()) {
      expect(await save(at(by), { kind: 'create', issueId: loggedBefore[i]!, ...fields })).toBe(true);
    }
    for (const device of devices) expect(await trySync(device)).toBe('synced');
    for (const device of devices) expect(await trySync(device)).toBe('synced');

    for (const step of scenario.steps) {
      if (step.kind === 'op') await doOp(at(step.device));
      else if (step.kind === 'sync') await sync(at(step.device), step.faults);
      else if (step.kind === 'syncWhileTyping') {
        const device = at(step.device);
        const syncing = sync(device, step.faults);
        for (let i = 0; i < step.ops; i += 1) await doOp(device);
        await syncing;
      } else {
        const together = [...new Set(step.devices.map(at))];
        await Promise.all(together.map((device) => sync(device, step.faults)));
      }
      if (step.kind !== 'op')
        await expectUpToDateCopiesMatch(devices, await readServerSnapshot(app.storage.db, 'festival'), 'merge property');
    }
    for (const device of devices) while (nextOps[device.index]!.length > 0) await doOp(device);

    // Signal everywhere: every phone syncs until quiet (a second round pulls what others pushed in the first).
    for (let round = 0; round < 2; round += 1) {
      for (const device of devices) expect(await trySync(device), `${device.name} syncs on a good network`).toBe('synced');
    }
    await expectConverged(devices, await readServerSnapshot(app.storage.db, 'festival'), 'merge property');
  } finally {
    for (const device of devices) await device.db.delete();
    await server.close();
  }
}

describe.each(backends)('the per-field merge, as a property, on %s', (backend) => {
  // SQLite is the festival box; PostgreSQL runs fewer cases, for its truly concurrent pushes.
  const runs = backend === 'sqlite' ? numRuns : Math.ceil(numRuns / 5);

  it(
    'any interleaving, duplication and delay of the same changes from 3–5 phones converges on the server and every phone',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarioArb, (scenario) => runScenario(backend, scenario)),
        { numRuns: runs, ...replay },
      );
    },
    Math.max(240_000, runs * 4_000),
  );

  // What the property first found (shrunk): the server saw nothing to change and handed out no
  // new version, so the staff phone kept its own copy (contact details, a "Changed attendee
  // contact" entry) that the server never had.
  it('a staff phone that types contact details the server already holds ends with the server’s copy', async () => {
    const logged = { severity: 'low', attendee: 0, consent: false, risk: 'none', by: 0 } as const;
    const staff: Scenario['phones'][number] = { role: 'staff', batchSize: 1, pageSize: 1, clockSkewHours: 0, ops: [] };
    await runScenario(backend, {
      phones: [staff, staff, { ...staff, ops: [{ kind: 'contact', issueId: loggedBefore[0]!, choice: 0 }] }],
      loggedBefore: [logged, logged, logged],
      steps: [],
    });
  });
});
