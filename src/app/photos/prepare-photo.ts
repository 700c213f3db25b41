import type { PreparedPhoto } from '../../db/save-photo';
import { AppError } from '../../domain/app-error';
import type { WorkerAnswer, WorkerRequest } from './photo-worker-messages';

/**
 * The page's side of the photo worker. One worker serves every picker on screen: it is started
 * when a picker appears (so a photo taken a moment later finds it loaded and compiled) and ended
 * when the last one goes.
 */
let worker: Worker | undefined;
let holders = 0;
let next = 0;
/** Set once a worker said it cannot draw here: later photos go straight to the page. */
let workerCannotDraw = false;

function runningWorker(): Worker | undefined {
  if (workerCannotDraw || typeof Worker === 'undefined') return undefined;
  // Vite builds the worker as a file of its own, precached like every chunk: works offline.
  worker ??= new Worker(new URL('./photo-worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

function release(): void {
  holders -= 1;
  if (holders > 0) return;
  worker?.terminate();
  worker = undefined;
}

/** Keeps the worker (and the code that saves a photo) ready while a picker is on screen; returns the release. */
export function holdPhotoWorker(): () => void {
  holders += 1;
  runningWorker();
  void import('../../db/save-photo');
  return release;
}

function inWorker(current: Worker, file: Blob, id: number): Promise<WorkerAnswer> {
  return new Promise((resolve, reject) => {
    const done = () => {
      current.removeEventListener('message', onMessage);
      current.removeEventListener('error', onError);
    };
    const onMessage = (event: MessageEvent<WorkerAnswer & { id: number }>) => {
      if (event.data.id !== id) return;
      done();
      resolve(event.data);
    };
    const onError = (event: ErrorEvent) => {
      done();
      event.preventDefault();
      reject(new Error(event.message || 'the photo worker failed'));
    };
    current.addEventListener('message', onMessage);
    current.addEventListener('error', onError);
    current.postMessage({ id, file } satisfies WorkerRequest);
  });
}

async function inPage(file: Blob): Promise<PreparedPhoto> {
  const { preparePhotoInPage } = await import('./prepare-in-page');
  return preparePhotoInPage(file);
}

/** Decodes, shrinks, strips and hashes one picture: in the worker where the browser can, else in the page. */
export async function preparePhoto(file: Blob): Promise<PreparedPhoto> {
  const releaseHold = holdPhotoWorker();
  try {
    const current = runningWorker();
    if (!current) return await inPage(file);
    next += 1;
    let answer: WorkerAnswer;
    try {
      answer = await inWorker(current, file, next);
    } catch {
      // A worker that cannot even start (an old browser without module workers): the page does it.
      workerCannotDraw = true;
      return await inPage(file);
    }
    if (answer.kind === 'prepared') return answer.photo;
    if (answer.kind === 'failed') throw new AppError(answer.error.kind, answer.error.message);
    workerCannotDraw = true;
    return await inPage(file);
  } finally {
    releaseHold();
  }
}
