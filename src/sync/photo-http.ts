import { AppError } from '../domain/app-error';
import { photoPath, photoUploadPath, type UploadState, uploadStateSchema } from '../domain/photo-protocol';
import { protocolHeader, protocolVersion } from '../domain/protocol-version';
import { errorOf } from './http';

/** The photo routes of the protocol (src/domain/photo-protocol.ts), as this phone calls them. */
export interface PhotoHttp {
  /** How much of the file the server holds. */
  uploadState(hash: string): Promise<UploadState>;
  /** Appends a chunk at `offset`; a wrong offset answers the server's state (409) instead of failing. */
  putChunk(hash: string, chunk: { offset: number; total: number; type: string; bytes: Blob }): Promise<UploadState>;
  download(hash: string, issueId: string): Promise<Blob>;
}

export interface PhotoHttpOptions {
  token: string;
  /** '' in the app (same origin). */
  baseUrl?: string;
  fetch?: typeof fetch;
  isOnline?: () => boolean;
}

export function createPhotoHttp(options: PhotoHttpOptions): PhotoHttp {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine ?? true);

  const request = async (path: string, init: { method?: 'GET' | 'PUT'; body?: Blob } = {}): Promise<Response> => {
    const headers = new Headers({ [protocolHeader]: String(protocolVersion), authorization: `Bearer ${options.token}` });
    if (init.body) headers.set('content-type', 'application/octet-stream');
    try {
      return await doFetch(`${baseUrl}${path}`, {
        method: init.method ?? 'GET',
        headers,
        cache: 'no-store',
        ...(init.body ? { body: init.body } : {}),
      });
    } catch {
      throw new AppError(
        'offline',
        isOnline()
          ? 'The server cannot be reached. Photos wait safely on this phone.'
          : 'No signal. Photos wait safely on this phone.',
      );
    }
  };

  const stateOf = async (response: Response, path: string): Promise<UploadState> => {
    const parsed = uploadStateSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) {
      throw new AppError(
        'server',
        `The server’s answer to ${path.split('?')[0]} could not be read. Photos wait safely on this phone.`,
      );
    }
    return parsed.data;
  };

  return {
    async uploadState(hash) {
      const path = photoUploadPath(hash);
      const response = await request(path);
      if (!response.ok) throw await errorOf(response);
      return stateOf(response, path);
    },
    async putChunk(hash, chunk) {
      const query = new URLSearchParams({ offset: String(chunk.offset), total: String(chunk.total), type: chunk.type });
      const path = `${photoUploadPath(hash)}?${query}`;
      const response = await request(path, { method: 'PUT', body: chunk.bytes });
      // 409: the server holds another count of bytes than we thought (a lost answer, a restart).
      if (response.ok || response.status === 409) return stateOf(response, path);
      throw await errorOf(response);
    },
    async download(hash, issueId) {
      const response = await request(photoPath(hash, issueId));
      if (!response.ok) throw await errorOf(response);
      return response.blob();
    },
  };
}
