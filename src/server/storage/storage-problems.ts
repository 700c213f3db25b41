import { accessSync, constants, statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Why the database cannot take writes now, in a sentence for the people at the info tent and the
 * status a phone or a load balancer acts on: 507 for a full disk, 503 for the rest.
 */
export interface StorageProblem {
  kind: 'quota' | 'storage-unavailable';
  reason: string;
}

/** Below this much free space a write may fail half-way: refuse first, with the reason. */
export const minFreeBytes = 4 * 1024 * 1024;

export interface FileIdentity {
  dev: number;
  ino: number;
}

export function fileIdentity(file: string): FileIdentity | null {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats ? { dev: stats.dev, ino: stats.ino } : null;
}

/** The file writes go to is no longer the database (one stat). */
export function sqliteFileGone(file: string, opened: FileIdentity): StorageProblem | null {
  const now = fileIdentity(file);
  if (now && now.dev === opened.dev && now.ino === opened.ino) return null;
  return {
    kind: 'storage-unavailable',
    reason: `The database file ${file} was deleted or replaced while the server ran. Nothing more is accepted: phones keep their changes. Restore the file from a backup and restart the server.`,
  };
}

/**
 * What a look at the SQLite file and its disk finds, without writing: deleted or replaced while
 * the server ran, read-only (access(2) says so even to root on a read-only mount), or a disk too
 * full. A few system calls, cheap enough for every write request and every /healthz.
 */
export function sqliteFileProblem(file: string, opened: FileIdentity, minFree = minFreeBytes): StorageProblem | null {
  const gone = sqliteFileGone(file, opened);
  if (gone) return gone;
  try {
    accessSync(file, constants.W_OK);
    accessSync(dirname(file), constants.W_OK);
  } catch (error) {
    return {
      kind: 'storage-unavailable',
      reason: `The database ${file} cannot be written (${(error as NodeJS.ErrnoException).code ?? 'no access'}): the disk may be read-only. Phones keep their changes until it can.`,
    };
  }
  const free = freeBytesBeside(file) ?? Number.POSITIVE_INFINITY;
  if (free < minFree) {
    return {
      kind: 'quota',
      reason: `The disk holding the database is full (${Math.round(free / 1024)} KB free). Free some space; phones keep their changes until then.`,
    };
  }
  return null;
}

const sqliteFull = new Set(['SQLITE_FULL']);
const postgresFull = new Set(['53100', '53200']);
const postgresUnavailable = new Set(['25006', '57P01', '57P02', '57P03', '53300', '08000', '08003', '08006']);

/** Free bytes on the disk holding `file`, or null when that cannot be read. */
export function freeBytesBeside(file: string): number | null {
  try {
    const disk = statfsSync(dirname(file));
    return disk.bavail * disk.bsize;
  } catch {
    return null;
  }
}

const fullDisk: StorageProblem = {
  kind: 'quota',
  reason: 'The disk holding the database is full. Free some space; phones keep their changes until then.',
};

/**
 * A failed statement's error, when storage (not the request) is the cause. SQLite reports a full
 * disk as SQLITE_FULL or, when it ran out while writing the log, as an I/O error: with the disk
 * beside the file nearly empty, that is a full disk too.
 */
export function classifyStorageError(error: unknown, sqliteFile?: string): StorageProblem | null {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code.startsWith('SQLITE_IOERR') && sqliteFile) {
    const free = freeBytesBeside(sqliteFile);
    if (free !== null && free < 1024 * 1024) return fullDisk;
  }
  return classifyStorageCode(code);
}

function classifyStorageCode(code: string): StorageProblem | null {
  if (sqliteFull.has(code) || postgresFull.has(code)) return fullDisk;
  if (
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_IOERR') ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'SQLITE_CORRUPT' ||
    postgresUnavailable.has(code) ||
    code === 'ECONNREFUSED'
  ) {
    return {
      kind: 'storage-unavailable',
      reason: `The database cannot be written (${code}). Phones keep their changes until it can.`,
    };
  }
  return null;
}
