import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import type { StorageConfig } from '../../src/server/config';
import { openStorage } from '../../src/server/storage/storage';
import { classifyStorageError } from '../../src/server/storage/storage-problems';
import { createArgs, joinAs, mutation, pullAll, push, setUpEvent, type TestDevice } from './sync-helpers';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tryRun(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A small disk of its own, when this user may mount one (root on CI and here). */
function smallDisk(megabytes: number): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'helptent-disk-'));
  if (!tryRun('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir])) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  cleanups.push(() => {
    tryRun('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

const probe = smallDisk(1);
const canMount = probe !== null;
const probeFile = join(tmpdir(), `helptent-chattr-${process.pid}`);
writeFileSync(probeFile, '');
const canMakeImmutable = tryRun('chattr', ['+i', probeFile]) && tryRun('chattr', ['-i', probeFile]);
unlinkSync(probeFile);

async function start(file: string, recreate = false, minFreeBytes?: number): Promise<FastifyInstance> {
  const storage: StorageConfig = {
    kind: 'sqlite',
    file,
    ...(recreate ? { recreate } : {}),
    ...(minFreeBytes === undefined ? {} : { minFreeBytes }),
  };
  const app = await buildApp({ storage, staticDir: null, checkAnswers: true });
  cleanups.push(() => app.close());
  return app;
}

async function health(app: FastifyInstance) {
  const response = await app.inject({ method: 'GET', url: '/healthz' });
  return { code: response.statusCode, ...response.json() };
}

const noteText = 'Checked the lost-property bins again. '.repeat(106).slice(0, 4000);

describe('storage that fails, fails loudly', () => {
  it('a database file deleted while running: /healthz 503, pushes refused (never acknowledged), no silent empty start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'helptent-gone-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'helptent.sqlite');
    const app = await start(file);
    await setUpEvent(app);
    const staff = await joinAs(app, 'staff', 'Sam');
    expect((await push(app, staff, [mutation(staff, 'createIssue', createArgs('Before'))])).statusCode).toBe(200);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });

    const after = await health(app);
    expect(after.code).toBe(503);
    expect(after.reason).toMatch(/deleted or replaced/);
    const refused = await push(app, staff, [mutation(staff, 'createIssue', createArgs('After'))]);
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error).toMatchObject({ kind: 'storage-unavailable' });
    await app.close();

    await expect(openStorage({ kind: 'sqlite', file })).rejects.toThrow(
      /is missing, but this folder held one.*HELPTENT_CREATE_DATABASE=1/,
    );
    const fresh = await start(file, true);
    expect((await health(fresh)).code).toBe(200);
  });

  it.skipIf(!canMakeImmutable)(
    'a database that cannot be written: 503 with the reason, pulls still answer, back when it can (needs chattr)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'helptent-ro-'));
      const file = join(dir, 'helptent.sqlite');
      const locked = [file, `${file}-wal`];
      cleanups.push(() => {
        tryRun('chattr', ['-i', ...locked]);
        rmSync(dir, { recursive: true, force: true });
      });
      const app = await start(file);
      await setUpEvent(app);
      const staff = await joinAs(app, 'staff', 'Sam');
      expect((await push(app, staff, [mutation(staff, 'createIssue', createArgs('Before'))])).statusCode).toBe(200);
      expect(tryRun('chattr', ['+i', ...locked])).toBe(true);

      expect(await health(app)).toMatchObject({ code: 503, reason: expect.stringMatching(/cannot be written/) });
      const waiting = mutation(staff, 'createIssue', createArgs('While read-only'));
      const refused = await push(app, staff, [waiting]);
      expect(refused.statusCode).toBe(503);
      expect(refused.json().error.message).toMatch(/cannot be written.*Phones keep their changes/);
      expect((await pullAll(app, staff)).issues).toHaveLength(1);

      expect(tryRun('chattr', ['-i', ...locked])).toBe(true);
      expect((await push(app, staff, [waiting])).json()).toEqual({ lastMutationId: waiting.mutationId, refused: [] });
      expect((await health(app)).code).toBe(200);
    },
  );

  it.skipIf(!canMount).each([
    ['refused before writing, with a little space left', undefined],
    ['when SQLite itself finds the disk full', 0],
  ])(
    'a full disk (%s): 507 with a sentence, nothing acknowledged is lost, and it goes on once there is space (needs root)',
    async (_, minFreeBytes) => {
      const disk = smallDisk(24)!;
      const file = join(disk, 'helptent.sqlite');
      const app = await start(file, false, minFreeBytes);
      await setUpEvent(app);
      const staff: TestDevice = await joinAs(app, 'staff', 'Sam');
      const acknowledged: string[] = [];
      let refusal: { statusCode: number; json(): { error: { kind: string; message: string } } } | undefined;
      let waiting: ReturnType<typeof mutation>[] = [];
      for (let round = 0; round < 1500 && !refusal; round += 1) {
        // Ten issues of one note each: no issue reaches its note limit before the disk fills.
        waiting = Array.from({ length: 10 }, (_, i) => createArgs(`Round ${round}, issue ${i}`)).flatMap((issue) => [
          mutation(staff, 'createIssue', issue),
          mutation(staff, 'addNote', { issueId: issue.id, text: noteText }),
        ]);
        const answer = await push(app, staff, waiting);
        if (answer.statusCode !== 200) refusal = answer;
        else {
          expect(answer.json().refused).toEqual([]);
          acknowledged.push(
            ...waiting.filter((m) => m.name === 'createIssue').map((m) => (m.args as { summary: string }).summary),
          );
        }
      }
      expect(refusal?.statusCode).toBe(507);
      expect(refusal?.json().error).toMatchObject({ kind: 'quota', message: expect.stringMatching(/disk .* is full/) });
      expect(await health(app)).toMatchObject({ code: 503, reason: expect.stringMatching(/full/) });
      const pulled = (await pullAll(app, staff)).issues.map((i) => i.issue.summary as string);
      expect(pulled.sort()).toEqual(acknowledged.sort());

      expect(tryRun('mount', ['-o', 'remount,size=64m', disk])).toBe(true);
      expect((await push(app, staff, waiting)).json()).toEqual({ lastMutationId: staff.mutationId, refused: [] });
      expect((await health(app)).code).toBe(200);
    },
  );

  it('storage errors are told apart from other failures, on both backends', () => {
    expect(classifyStorageError({ code: 'SQLITE_FULL' })?.kind).toBe('quota');
    expect(classifyStorageError({ code: '53100' })?.kind).toBe('quota');
    expect(classifyStorageError({ code: 'SQLITE_READONLY' })?.kind).toBe('storage-unavailable');
    expect(classifyStorageError({ code: 'SQLITE_IOERR_WRITE' })?.kind).toBe('storage-unavailable');
    expect(classifyStorageError({ code: '25006' })?.kind).toBe('storage-unavailable');
    expect(classifyStorageError({ code: 'SQLITE_CONSTRAINT' })).toBeNull();
    expect(classifyStorageError(new Error('boom'))).toBeNull();
  });
});
