import type { PreparedPhoto } from '../../db/save-photo';
import type { AppErrorData } from '../../domain/app-error';

/** What the page and the photo worker say to each other. */
export interface WorkerRequest {
  id: number;
  file: Blob;
}

export type WorkerAnswer =
  | { kind: 'prepared'; photo: PreparedPhoto }
  | { kind: 'failed'; error: AppErrorData }
  /** This browser cannot draw in a worker: the page prepares the photo itself. */
  | { kind: 'unsupported' };
