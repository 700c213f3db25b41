import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/server/app';
import { Pokes } from '../../src/server/sync/pokes';
import { backends, startTestServer, type TestServer } from './helpers';
import { createArgs, joinAs, mutation, push, setUpEvent } from './sync-helpers';

let server: TestServer | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await server?.close();
  server = undefined;
});

/** The first poke at or past `atLeast` (a join's own poke may still be on its way from another instance). */
function nextPoke(subscribe: (listener: (seq: number) => void) => () => void, atLeast = 1): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no poke within 5 s')), 5_000);
    const stop = subscribe((seq) => {
      if (seq < atLeast) return;
      clearTimeout(timer);
      stop();
      resolve(seq);
    });
  });
}

describe.each(backends)('pokes on %s', (backend) => {
  it('a push pokes the devices of its event', async () => {
    server = await startTestServer({ backend });
    await setUpEvent(server.app);
    const phone = await joinAs(server.app, 'staff', 'Sam');
    const poked = nextPoke((listener) => server!.app.pokes.subscribe('festival', listener));
    await push(server.app, phone, [mutation(phone, 'createIssue', createArgs('Lost phone'))]);
    // Change 1 was the join; the issue is change 2.
    expect(await poked).toBe(2);
  });

  it('a join pokes the devices of its event, so every phone learns of the new person', async () => {
    server = await startTestServer({ backend });
    await setUpEvent(server.app);
    const poked = nextPoke((listener) => server!.app.pokes.subscribe('festival', listener));
    await joinAs(server.app, 'staff', 'Sam');
    expect(await poked).toBe(1);
  });
});

describe.runIf(backends.includes('postgres'))('pokes across server instances on PostgreSQL', () => {
  it('a push on one instance pokes devices connected to another', async () => {
    server = await startTestServer({ backend: 'postgres' });
    await setUpEvent(server.app);
    const other = await buildApp({ storage: server.storage, staticDir: null });
    closers.push(() => other.close());
    const phone = await joinAs(server.app, 'staff', 'Sam');
    const poked = nextPoke((listener) => other.pokes.subscribe('festival', listener), 2);
    await push(server.app, phone, [mutation(phone, 'createIssue', createArgs('Lost phone'))]);
    expect(await poked).toBe(2);
  });

  it('a server in another schema of the same database, with an event of the same id, hears none of them', async () => {
    server = await startTestServer({ backend: 'postgres' });
    await setUpEvent(server.app);
    const elsewhere = await startTestServer({ backend: 'postgres' });
    closers.push(() => elsewhere.close());
    const heardElsewhere: number[] = [];
    elsewhere.app.pokes.subscribe('festival', (seq) => heardElsewhere.push(seq));
    // A third instance on the first schema hears the push: once it has, the other schema would have too.
    const other = await buildApp({ storage: server.storage, staticDir: null });
    closers.push(() => other.close());
    const phone = await joinAs(server.app, 'staff', 'Sam');
    const poked = nextPoke((listener) => other.pokes.subscribe('festival', listener), 2);
    await push(server.app, phone, [mutation(phone, 'createIssue', createArgs('Lost phone'))]);
    expect(await poked).toBe(2);
    expect(heardElsewhere).toEqual([]);
  });
});

describe('pokes that put some devices first', () => {
  it('reach those devices first and once, the others a moment later, on this instance and, relayed, on another', async () => {
    const here = new Pokes(50);
    const there = new Pokes(50);
    here.useRelay({ publish: (message) => there.receive(message) });
    const heard: string[] = [];
    for (const pokes of [here, there]) {
      for (const device of ['sam', 'alex']) pokes.subscribe('festival', (seq) => heard.push(`${device}@${seq}`), device);
    }
    here.poke('festival', 7, ['alex']);
    expect(heard).toEqual(['alex@7', 'alex@7']);
    await vi.waitFor(() => expect(heard).toEqual(['alex@7', 'alex@7', 'sam@7', 'sam@7']));
  });
});
