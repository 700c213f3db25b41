import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { backends, startTestServer, type TestServer } from './helpers';
import { createArgs, joinAs, mutation, push, setUpEvent } from './sync-helpers';

let server: TestServer | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await server?.close();
  server = undefined;
});

function nextPoke(subscribe: (listener: (seq: number) => void) => () => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no poke within 5 s')), 5_000);
    const stop = subscribe((seq) => {
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
    const poked = nextPoke((listener) => other.pokes.subscribe('festival', listener));
    await push(server.app, phone, [mutation(phone, 'createIssue', createArgs('Lost phone'))]);
    expect(await poked).toBe(1);
  });
});
