import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { Admission } from '../../src/server/sync/admission';

const request = () => ({}) as FastifyRequest;

describe('pushes worked on at once', () => {
  it('admits up to the limit, queues the rest in order, and loses no place when a phone gives up', async () => {
    const hooks = new Admission(1).hooks();
    const a = request();
    const b = request();
    const c = request();
    await hooks.onRequest(a);
    const order: string[] = [];
    const bTurn = hooks.onRequest(b).then(
      () => order.push('b admitted'),
      (error: Error) => order.push(`b gave up: ${error.message}`),
    );
    const cTurn = hooks.onRequest(c).then(() => order.push('c admitted'));
    await hooks.onRequestAbort(b);
    await bTurn;
    expect(order).toEqual(['b gave up: The phone went away before its turn.']);
    await hooks.onResponse(a);
    await cTurn;
    expect(order).toEqual(['b gave up: The phone went away before its turn.', 'c admitted']);
    // Answered and then aborted: counted once; the place is free for the next.
    await hooks.onResponse(c);
    await hooks.onRequestAbort(c);
    const d = request();
    const e = request();
    await hooks.onRequest(d);
    let eAdmitted = false;
    void hooks.onRequest(e).then(() => (eAdmitted = true));
    await Promise.resolve();
    expect(eAdmitted).toBe(false);
    await hooks.onResponse(d);
    await Promise.resolve();
    expect(eAdmitted).toBe(true);
  });
});
