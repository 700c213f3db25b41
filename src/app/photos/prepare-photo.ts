import type { PreparedPhoto } from '../../db/save-photo';
import { AppError } from '../../domain/app-error';
import type { WorkerAnswer, WorkerRequest } from './photo-worker-messages';

/** Prepares the photos of one pick, in turn, in one worker; `close` ends the worker. */
export interface PhotoPreparer {
  prepare(file: Blob): Promise<PreparedPhoto>;
  close(): void;
}

/** Set once a worker said it cannot draw here: later picks go straight to the page. */
let workerCannotDraw = false;

function inWorker(worker: Worker, file: Blob, id: number): Promise<WorkerAnswer> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<WorkerAnswer & { id: number }>) => {
      if (event.data.id !== id) return;
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      resolve(event.data);
    };
    const onError = (event: ErrorEvent) => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      event.preventDefault();
      reject(new Error(event.message || 'the photo worker failed'));
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.postMessage({ id, file } satisfies WorkerRequest);
  });
}

async function inPage(file: Blob): Promise<PreparedPhoto> {
  const { preparePhotoInPage } = await import('./prepare-in-page');
  return preparePhotoInPage(file);
}

export function createPhotoPreparer(): PhotoPreparer {
  let worker: Worker | undefined;
  let next = 0;
  const useWorker = () => {
    if (workerCannotDraw || typeof Worker === 'undefined') return undefined;
    // Vite builds the worker as a file of its own, precached like every chunk: works offline.
    worker ??= new Worker(new URL('./photo-worker.ts', import.meta.url), { type: 'module' });
    return worker;
  };
  return {
    async prepare(file) {
      const current = useWorker();
      if (!current) return inPage(file);
      let answer: WorkerAnswer;
      next += 1;
      try {
        answer = await inWorker(current, file, next);
      } catch {
        // A worker that cannot even start (an old browser without module workers): the page does it.
        workerCannotDraw = true;
        return inPage(file);
      }
      if (answer.kind === 'prepared') return answer.photo;
      if (answer.kind === 'failed') throw new AppError(answer.error.kind, answer.error.message);
      workerCannotDraw = true;
      return inPage(file);
    },
    close() {
      worker?.terminate();
      worker = undefined;
    },
  };
}
