import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { type BenchRow, percentile, round } from '../result';
import { type JoinedDevice, postPush } from './server-setup';
import { appHeaders, type PushMutation, pushBodies } from './workload';

export interface PollLoadInput {
  origin: string;
  /** The polling devices, each with the change sequence it has pulled up to. */
  devices: JoinedDevice[];
  startCursor: number;
  /** Pushes a small batch every second while the others poll. */
  pusher: JoinedDevice;
  pushMutations: Omit<PushMutation, 'mutationId'>[];
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

interface Answer {
  status: number;
  body: string;
}

function get(agent: Agent, origin: string, path: string, token: string | null): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { agent, headers: token ? appHeaders(token) : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error('request timed out after 30 s')));
    req.on('error', reject);
    req.end();
  });
}

interface Phase {
  latencies: number[];
  errors: number;
  seconds: number;
}

/**
 * Closed loop: `concurrency` requests in flight on keep-alive connections, the devices taking
 * turns, for warm-up + duration; only the requests started after the warm-up are recorded.
 */
async function runPhase(
  agent: Agent,
  input: PollLoadInput,
  next: () => { path: string; token: string | null; onBody?: (body: string) => void },
): Promise<Phase> {
  const latencies: number[] = [];
  let errors = 0;
  const startedAt = performance.now();
  const recordFrom = startedAt + input.warmupMs;
  const endAt = recordFrom + input.durationMs;
  const worker = async () => {
    while (performance.now() < endAt) {
      const job = next();
      const started = performance.now();
      try {
        const answer = await get(agent, input.origin, job.path, job.token);
        const ms = performance.now() - started;
        if (answer.status !== 200) errors += 1;
        else job.onBody?.(answer.body);
        if (started >= recordFrom) latencies.push(ms);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: input.concurrency }, worker));
  return { latencies, errors, seconds: (performance.now() - recordFrom) / 1000 };
}

/** One device pushing a few changes every second, until stopped; returns its push latencies. */
function startPusher(input: PollLoadInput, batch: number) {
  const bodies = pushBodies(input.pusher.deviceId, input.pushMutations, batch);
  const latencies: number[] = [];
  let stopped = false;
  let failure: unknown = null;
  const done = (async () => {
    for (const [i, body] of bodies.entries()) {
      if (stopped) return;
      const started = performance.now();
      try {
        await postPush(input.origin, input.pusher.token, body, (i + 1) * batch);
      } catch (error) {
        failure = error;
        return;
      }
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (performance.now() - started))));
    }
    failure = new Error('the pusher ran out of prepared changes');
  })();
  return {
    latencies,
    async stop() {
      stopped = true;
      await done;
      if (failure) throw failure;
    },
  };
}

/**
 * 500 joined devices polling GET /api/sync/pull from their own cursor while one device pushes
 * 5 changes a second; the baseline is GET /healthz with the same connections, concurrency,
 * duration and pusher. Only ever talks to 127.0.0.1; stops by itself after both phases.
 */
export async function benchPolling(input: PollLoadInput): Promise<BenchRow[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: input.concurrency });
  const cursors = new Map(input.devices.map((d) => [d.deviceId, input.startCursor]));
  let turn = 0;
  let pulledIssues = 0;
  // One pusher for both phases, so the healthz baseline carries the same writes. Pulls first: the
  // devices start at the latest cursor and stay there, as devices that poll steadily do.
  const pusher = startPusher(input, 5);
  try {
    const pull = await runPhase(agent, input, () => {
      const device = input.devices[turn++ % input.devices.length]!;
      return {
        path: `/api/sync/pull?cursor=${cursors.get(device.deviceId)}&limit=1000`,
        token: device.token,
        onBody: (body) => {
          const page = JSON.parse(body) as { cursor: number; issues: unknown[] };
          cursors.set(device.deviceId, page.cursor);
          pulledIssues += page.issues.length;
        },
      };
    });
    // Then the baseline, on the same connections, with the pusher still going.
    const health = await runPhase(agent, input, () => ({ path: '/healthz', token: null }));
    await pusher.stop();

    const n = input.devices.length;
    const rate = pull.latencies.length / pull.seconds;
    if (pull.errors + health.errors > 0)
      console.warn(`polling: ${pull.errors} pull and ${health.errors} healthz requests failed`);
    const pullP99 = percentile(pull.latencies, 99);
    const healthP99 = percentile(health.latencies, 99);
    return [
      { name: `pull p50 with ${n} devices polling`, value: round(percentile(pull.latencies, 50)), unit: 'ms' },
      { name: `pull p95 with ${n} devices polling`, value: round(percentile(pull.latencies, 95)), unit: 'ms' },
      { name: `pull p99 with ${n} devices polling`, value: round(pullP99), unit: 'ms' },
      { name: 'healthz p50 under the same load (baseline)', value: round(percentile(health.latencies, 50)), unit: 'ms' },
      { name: 'healthz p99 under the same load (baseline)', value: round(healthP99), unit: 'ms' },
      { name: 'pull p99 ratio to healthz p99', value: round(pullP99 / healthP99), unit: 'x' },
      {
        name: `pulls answered per second (${input.concurrency} in flight, ${input.durationMs / 1000} s)`,
        value: round(rate, 0),
        unit: 'req/s',
      },
      { name: `each of ${n} devices polled every`, value: round(n / rate, 2), unit: 's' },
      {
        name: 'healthz answered per second under the same load',
        value: round(health.latencies.length / health.seconds, 0),
        unit: 'req/s',
      },
      { name: 'issues received by the polling devices (5 pushed a second)', value: pulledIssues, unit: 'issues' },
      { name: 'push p99 of 5 changes during the polling', value: round(percentile(pusher.latencies, 99)), unit: 'ms' },
      { name: 'failed requests during the polling', value: pull.errors + health.errors, unit: 'requests' },
    ];
  } finally {
    await pusher.stop().catch(() => undefined);
    agent.destroy();
  }
}
