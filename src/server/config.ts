import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { protocolVersion, unversionedProtocol } from '../domain/protocol-version';
import { parseOrThrow } from '../domain/validation';
import { loadPhotoStoreConfig, type PhotoStoreConfig } from './photos/photo-config';

export type StorageConfig =
  | {
      kind: 'sqlite';
      file: string;
      /** Begin an empty database although this folder held one that is now missing. */
      recreate?: boolean;
      /** Refuse writes below this much free disk (default `minFreeBytes`; tests set 0 to reach SQLite's own "disk full"). */
      minFreeBytes?: number;
    }
  | { kind: 'postgres'; url: string };

export interface ServerConfig {
  host: string;
  port: number;
  storage: StorageConfig;
  /** Folder of the built PWA; null serves the API only (tests, API-only deployments). */
  staticDir: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The oldest app protocol version still accepted; older apps are told to update. */
  minProtocolVersion: number;
  /** The whole request must arrive within this many milliseconds. */
  requestTimeoutMs: number;
  /** Honour X-Forwarded-For from these proxies: true (any), false, or addresses/ranges. */
  trustProxy: boolean | string;
  /** Where photo files are kept (photos/photo-config.ts); null: not set up (PostgreSQL without it). */
  photos: PhotoStoreConfig | null;
}

const envSchema = z.object({
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().min(1).default('sqlite:data/helptent.sqlite'),
  HELPTENT_STATIC_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HELPTENT_MIN_PROTOCOL: z.coerce
    .number()
    .int()
    .min(unversionedProtocol)
    .max(protocolVersion, `must be at most ${protocolVersion}, the version this server speaks`)
    .default(unversionedProtocol),
  HELPTENT_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  TRUST_PROXY: z.string().trim().default('false'),
  HELPTENT_CREATE_DATABASE: z.enum(['0', '1']).default('0'),
});

/** "true", "false", or the proxies' addresses ("127.0.0.1", "10.0.0.0/8,192.168.1.2"). */
function parseTrustProxy(value: string): boolean | string {
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  return value;
}

/**
 * `sqlite:path` (relative to the working directory) or `sqlite:/absolute/path`; `file:` is
 * accepted as a synonym because many tools write SQLite URLs that way.
 */
export function parseDatabaseUrl(url: string, cwd: string): StorageConfig {
  const match = /^(sqlite|file):(.+)$/.exec(url);
  if (match?.[2]) {
    const path = match[2].replace(/^\/\/(?=\/)/, '');
    return { kind: 'sqlite', file: isAbsolute(path) ? path : resolve(cwd, path) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  throw new Error(
    `DATABASE_URL "${url}" is not understood. Use sqlite:<file> (e.g. sqlite:data/helptent.sqlite) or postgres://user:password@host:5432/database.`,
  );
}

function withRecreate(storage: StorageConfig, recreate: boolean): StorageConfig {
  return storage.kind === 'sqlite' && recreate ? { ...storage, recreate } : storage;
}

export function loadConfig(env: NodeJS.ProcessEnv, cwd: string): ServerConfig {
  const parsed = parseOrThrow(envSchema, env, 'server environment');
  // The built server lives in dist/server, the built app beside it in dist/client.
  const defaultStaticDir = fileURLToPath(new URL('../client', import.meta.url));
  const storage = withRecreate(parseDatabaseUrl(parsed.DATABASE_URL, cwd), parsed.HELPTENT_CREATE_DATABASE === '1');
  return {
    host: parsed.HOST,
    port: parsed.PORT,
    storage,
    staticDir: parsed.HELPTENT_STATIC_DIR ? resolve(cwd, parsed.HELPTENT_STATIC_DIR) : defaultStaticDir,
    logLevel: parsed.LOG_LEVEL,
    minProtocolVersion: parsed.HELPTENT_MIN_PROTOCOL,
    requestTimeoutMs: parsed.HELPTENT_REQUEST_TIMEOUT_MS,
    trustProxy: parseTrustProxy(parsed.TRUST_PROXY),
    photos: loadPhotoStoreConfig(env, cwd, storage),
  };
}
