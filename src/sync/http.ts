import type { $ZodType } from 'zod/v4/core';
import { AppError } from '../domain/app-error';
import { buildSchemaNow } from '../domain/lazy-schema';
import { protocolHeader, protocolVersion } from '../domain/protocol-version';
import { errorBodySchema } from '../domain/sync-protocol';
import { parseOrThrow } from '../domain/validation';

export interface CallInit {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  token?: string;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** 'text' for an answer that is a file to hand over as it is (a page); checked against `answer` as a string. */
  as?: 'json' | 'text';
}

/** One request to the sync server; the answer is checked against its schema from the contract. */
export type Call = <T>(path: string, answer: $ZodType<T>, init?: CallInit) => Promise<T>;

export interface TransportOptions {
  /** '' in the app (same origin); a full origin in tests and simulations. */
  baseUrl?: string;
  fetch?: typeof fetch;
  isOnline?: () => boolean;
  /** The protocol version to speak: this app's own, unless a test plays an older app. */
  protocol?: number;
}

/** A failed answer as an AppError: the server's kind and sentence, or one made from the status. */
export async function errorOf(response: Response): Promise<AppError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page: fall through to the status-based message.
  }
  const parsed = errorBodySchema.safeParse(body);
  const error = parsed.success ? parsed.data.error : undefined;
  const kind = error?.kind ?? (response.status >= 500 ? 'server' : 'invalid');
  // A 5xx message is the server's own sentence about itself; the phone says what it means here.
  if (error && response.status < 500) return new AppError(kind, error.message, undefined, error.reason);
  return new AppError(
    kind,
    `The server had a problem (${response.status}). Changes wait safely on this phone and will be sent again.`,
  );
}

/**
 * Calls the sync server, saying which protocol version this app speaks. Every failure becomes an
 * AppError whose message tells staff what is going on (no signal, signed out, server down, app
 * too old) rather than a technical code; an answer that does not match the contract is refused
 * here, before anything of it reaches the phone's database.
 */
export function createTransport(options: TransportOptions = {}): Call {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const isOnline = options.isOnline ?? (() => navigator.onLine);
  return async <T>(path: string, answer: $ZodType<T>, init: CallInit = {}): Promise<T> => {
    const headers = new Headers({ [protocolHeader]: String(options.protocol ?? protocolVersion) });
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    // Built while the request travels, rather than in the task that reads the answer.
    buildSchemaNow(answer);
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method: init.method ?? 'GET',
        headers,
        cache: 'no-store',
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        ...(init.signal ? { signal: init.signal } : {}),
      });
    } catch {
      throw new AppError(
        'offline',
        isOnline()
          ? 'The server cannot be reached. Changes wait safely on this phone.'
          : 'No signal. Changes wait safely on this phone.',
      );
    }
    if (!response.ok) throw await errorOf(response);
    if (init.as === 'text') return parseOrThrow(answer, await response.text(), 'answer');
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw unreadable(path, 'it is not JSON');
    }
    try {
      return parseOrThrow(answer, body, 'answer');
    } catch (error) {
      throw unreadable(path, error instanceof AppError ? error.message : String(error));
    }
  };
}

/** Something between the phone and the server (a captive portal, a proxy, a broken server) answered instead. */
function unreadable(path: string, why: string): AppError {
  return new AppError(
    'server',
    `The server’s answer to ${path.split('?')[0]} could not be read (${why}). Changes wait safely on this phone and will be sent again.`,
  );
}

/** The app's transport: same origin, the browser's fetch. */
export const callServer: Call = (path, answer, init) => createTransport()(path, answer, init);
