import type { FastifyRequest } from 'fastify';
import { AppError } from '../../domain/app-error';

interface Entry {
  state: 'waiting' | 'in' | 'out';
  admit(): void;
  giveUp(): void;
}

/**
 * At most `limit` requests of a kind are worked on at once; the rest wait before their bodies are
 * read, in the kernel's buffers rather than in the event loop's queue. When signal returns for
 * five hundred phones at once, their pushes then form a short queue of work, and /healthz or a
 * pull answers within it instead of after all of it. The group commit still takes every admitted
 * push that arrives while a transaction runs. A phone that gives up while waiting leaves the
 * queue; one that gives up once admitted frees its place: no place is ever lost.
 */
export class Admission {
  private active = 0;
  private readonly waiting: Entry[] = [];

  constructor(private readonly limit: number) {}

  /** Route hooks: admit in onRequest (before the body is parsed), let go when the answer is sent or the phone gives up. */
  hooks() {
    const entries = new WeakMap<FastifyRequest, Entry>();
    const leave = async (request: FastifyRequest) => {
      const entry = entries.get(request);
      if (!entry || entry.state === 'out') return;
      if (entry.state === 'waiting') {
        entry.state = 'out';
        entry.giveUp();
        return;
      }
      entry.state = 'out';
      this.active -= 1;
      this.admitNext();
    };
    return {
      onRequest: (request: FastifyRequest) =>
        new Promise<void>((resolve, reject) => {
          const entry: Entry = {
            state: 'waiting',
            admit: () => {
              entry.state = 'in';
              resolve();
            },
            giveUp: () => reject(new AppError('offline', 'The phone went away before its turn.')),
          };
          entries.set(request, entry);
          this.waiting.push(entry);
          this.admitNext();
        }),
      onResponse: leave,
      onRequestAbort: leave,
    };
  }

  private admitNext(): void {
    while (this.active < this.limit && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      if (next.state !== 'waiting') continue;
      this.active += 1;
      next.admit();
    }
  }
}
