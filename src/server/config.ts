import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { protocolVersion, unversionedProtocol } from '../domain/protocol-version';
import { parseOrThrow } from '../domain/validation';
import { loadPhotoStoreConfig, type PhotoStoreConfig } from './photos/photo-config';
import { type VapidKeys, vapidKeyPairProblem } from './push/vapid-keys';

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

/** Web Push (alerts on phones whose app is closed). */
export interface PushConfig {
  /** The configured VAPID key pair, or null to use the one kept in the database (made on first start). */
  vapidKeys: VapidKeys | null;
  /** Who runs this server, for push services to contact (VAPID `sub`): a mailto: or https: address. */
  subject: string;
  /** False when `subject` is the placeholder: Apple's push service may refuse it. */
  subjectConfigured: boolean;
  /** Let subscriptions point at private and loopback addresses (tests only; see endpoint-guard.ts). */
  allowPrivateEndpoints: boolean;
}

/**
 * Used when HELPTENT_VAPID_SUBJECT is not set, so Helptent starts with nothing configured; the
 * server warns at start, because Apple's push service refuses subjects it cannot resolve.
 */
export const placeholderVapidSubject = 'mailto:helptent@example.com';

/** A mailto: or https: address a push service can reach; a localhost one fails on iPhones (403 BadJwtToken). */
const vapidSubject = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'mailto:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be a mailto: or https: address, e.g. mailto:ops@yourfestival.com')
  .refine(
    (value) => !/(@|\/\/)(localhost|127\.0\.0\.1|\[::1\])([:/>]|$)/i.test(value),
    'must not be a localhost address: Apple’s push service refuses it (403 BadJwtToken)',
  );

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
  push: PushConfig;
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
  HELPTENT_VAPID_PUBLIC_KEY: z.string().trim().optional(),
  HELPTENT_VAPID_PRIVATE_KEY: z.string().trim().optional(),
  HELPTENT_VAPID_SUBJECT: vapidSubject.optional(),
  HELPTENT_PUSH_ALLOW_PRIVATE_ENDPOINTS: z.enum(['0', '1']).default('0'),
});

type ParsedEnv = z.infer<typeof envSchema>;

/** Both VAPID variables or neither: one alone is a mistake, and a wrong pair fails every push. */
function parsePushConfig(parsed: ParsedEnv): PushConfig {
  const publicKey = parsed.HELPTENT_VAPID_PUBLIC_KEY || undefined;
  const privateKey = parsed.HELPTENT_VAPID_PRIVATE_KEY || undefined;
  if (Boolean(publicKey) !== Boolean(privateKey)) {
    throw new Error(
      'Set both HELPTENT_VAPID_PUBLIC_KEY and HELPTENT_VAPID_PRIVATE_KEY, or neither (the server then makes a pair and keeps it in the database).',
    );
  }
  const vapidKeys = publicKey && privateKey ? { publicKey, privateKey } : null;
  const problem = vapidKeys ? vapidKeyPairProblem(vapidKeys) : null;
  if (problem) throw new Error(problem);
  return {
    vapidKeys,
    subject: parsed.HELPTENT_VAPID_SUBJECT ?? placeholderVapidSubject,
    subjectConfigured: parsed.HELPTENT_VAPID_SUBJECT !== undefined,
    allowPrivateEndpoints: parsed.HELPTENT_PUSH_ALLOW_PRIVATE_ENDPOINTS === '1',
  };
}

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
    push: parsePushConfig(parsed),
  };
}
