import { AppError, type ErrorKind } from '../domain/app-error';

export type Call = <T>(path: string, init?: RequestInit & { token?: string }) => Promise<T>;

export interface TransportOptions {
  /** '' in the app (same origin); a full origin in tests and simulations. */
  baseUrl?: string;
  fetch?: typeof fetch;
  isOnline?: () => boolean;
}

/**
 * Calls the sync server; every failure becomes an AppError whose message tells staff what is
 * going on (no signal, signed out, server down) rather than a technical code.
 */
export function createTransport(options: TransportOptions = {}): Call {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const isOnline = options.isOnline ?? (() => navigator.onLine);
  return async <T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    if (init.body) headers.set('content-type', 'application/json');
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, { ...init, headers, cache: 'no-store' });
    } catch {
      throw new AppError(
        'offline',
        isOnline()
          ? 'The server cannot be reached. Changes wait safely on this phone.'
          : 'No signal. Changes wait safely on this phone.',
      );
    }
    if (response.ok) return (await response.json()) as T;
    let body: { error?: { kind?: ErrorKind; message?: string } } = {};
    try {
      body = await response.json();
    } catch {
      // A proxy's HTML error page: fall through to the status-based message.
    }
    const kind: ErrorKind = body.error?.kind ?? (response.status >= 500 ? 'server' : 'invalid');
    const message =
      response.status >= 500 || !body.error?.message
        ? `The server had a problem (${response.status}). Changes wait safely on this phone and will be sent again.`
        : body.error.message;
    throw new AppError(kind, message);
  };
}

/** The app's transport: same origin, the browser's fetch. */
export const callServer: Call = (path, init) => createTransport()(path, init);
