import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * At most `limit` requests of a kind are worked on at once; the rest wait before their bodies are
 * read, in the kernel's buffers rather than in the event loop's queue. When signal returns for
 * five hundred phones at once, their pushes then form a short queue of work, and /healthz or a
 * pull answers within it instead of after all of it. The group commit still takes every admitted
 * push that arrives while a transaction runs.
 */
export class Admission {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  /** Route hooks: admit in onRequest (before the body is parsed), let go when the answer is sent or the phone gives up. */
  hooks() {
    const admitted = new WeakSet<FastifyRequest>();
    const leave = async (request: FastifyRequest) => {
      if (!admitted.delete(request)) return;
      this.active -= 1;
      this.waiting.shift()?.();
    };
    return {
      onRequest: async (request: FastifyRequest, _reply: FastifyReply) => {
        await this.enter();
        admitted.add(request);
      },
      onResponse: leave,
      onRequestAbort: leave,
    };
  }

  private enter(): Promise<void> {
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.waiting.push(() => {
        this.active += 1;
        resolve();
      }),
    );
  }
}
