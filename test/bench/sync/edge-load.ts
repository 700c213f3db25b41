import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { pushBatchBytes } from '../../../src/domain/sync-protocol';
import { type BenchRow, percentile, round } from '../result';
import type { JoinedDevice } from './server-setup';
import { appHeaders, type PushMutation, pushBodies } from './workload';

interface Answer {
  status: number;
  body: string;
}

function send(agent: Agent, url: string, method: 'GET' | 'POST', token: string | null, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = token ? { ...appHeaders(token) } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const req = request(url, { agent, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.setTimeout(120_000, () => req.destroy(new Error('request timed out after 120 s')));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/**
 * Asks /healthz every 50 ms, as a load balancer would, from a process of its own: in the load
 * generator's process, its timings would include that process's own queue of five hundred answers.
 */
const prober = `
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const latencies = []; let failures = 0; let running = true;
process.stdin.on('data', () => { running = false; });
(async () => {
  while (running) {
    const started = performance.now();
    const ok = await new Promise((resolve) => {
      const req = http.get(process.argv[1] + '/healthz', { agent }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode === 200)); });
      req.on('error', () => resolve(false));
    });
    if (!ok) failures += 1;
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  agent.destroy();
  process.stdout.write(JSON.stringify({ latencies, failures }), () => process.exit(0));
})();
`;

function probeHealth(origin: string): { stop(): Promise<{ p99: number; max: number; failures: number }> } {
  const child = spawn(process.execPath, ['-e', prober, origin], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    async stop() {
      child.stdin.write('stop\n');
      await exited;
      const { latencies, failures } = JSON.parse(output) as { latencies: number[]; failures: number };
      return { p99: percentile(latencies, 99), max: Math.max(...latencies), failures };
    },
  };
}

export interface SignalReturnsInput {
  /** One origin, or several server instances sharing one PostgreSQL: phones are spread over them. */
  origins: string[];
  phones: JoinedDevice[];
  /** Each phone's queued changes (createIssue of demo issues), `changesPerPhone` of them. */
  mutations: Omit<PushMutation, 'mutationId'>[];
  changesPerPhone: number;
  label: string;
}

/**
 * Signal returns for everyone at once: every phone sends its queued changes in the same second,
 * as its outbox would (one push, these being fewer than a batch), while /healthz is probed.
 */
export async function benchSignalReturns(input: SignalReturnsInput): Promise<BenchRow[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const health = probeHealth(input.origins[0]!);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    input.phones.map(async (phone, i) => {
      const mine = input.mutations.slice(i * input.changesPerPhone, (i + 1) * input.changesPerPhone);
      const [body] = pushBodies(phone.deviceId, mine, input.changesPerPhone);
      const origin = input.origins[i % input.origins.length]!;
      const sent = performance.now();
      try {
        const answer = await send(agent, `${origin}/api/sync/push`, 'POST', phone.token, body);
        const parsed = answer.status === 200 ? (JSON.parse(answer.body) as { lastMutationId: number; refused: unknown[] }) : null;
        if (!parsed || parsed.lastMutationId !== mine.length || parsed.refused.length > 0) errors += 1;
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - sent);
    }),
  );
  const allMs = performance.now() - started;
  const probed = await health.stop();
  agent.destroy();
  const what = `${input.phones.length} phones × ${input.changesPerPhone} changes at once, ${input.label}`;
  return [
    { name: `signal returns: all applied, ${what}`, value: round(allMs / 1000), unit: 's' },
    { name: `signal returns: push p50, ${what}`, value: round(percentile(latencies, 50), 0), unit: 'ms' },
    { name: `signal returns: push p99, ${what}`, value: round(percentile(latencies, 99), 0), unit: 'ms' },
    { name: `signal returns: /healthz p99 meanwhile, ${what}`, value: round(probed.p99, 0), unit: 'ms' },
    { name: `signal returns: errors, ${what}`, value: errors + probed.failures, unit: 'requests' },
  ];
}

/**
 * A pile of the longest notes on one issue (a lost child's search log), sent as the phone's
 * outbox sends them: pushes cut at `pushBatchBytes`, one after another, while /healthz is probed.
 */
export async function benchNotePile(
  origin: string,
  phone: JoinedDevice,
  create: Omit<PushMutation, 'mutationId'>,
  label: string,
): Promise<BenchRow[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const issueId = (create.args as { id: string }).id;
  const text = 'Searched the campsite row by row with two stewards; nothing yet. '.repeat(70).slice(0, 4000);
  const notes = Array.from({ length: 1000 }, () => ({
    ...create,
    mutationUuid: crypto.randomUUID(),
    name: 'addNote',
    args: { issueId, text },
  })) as unknown as Omit<PushMutation, 'mutationId'>[];
  const perPush = Math.max(1, Math.floor(pushBatchBytes / (JSON.stringify(notes[0]).length + 20)));
  const bodies = [...pushBodies(phone.deviceId, [create], 1), ...pushBodies(phone.deviceId, notes, perPush, 2)];
  const health = probeHealth(origin);
  const started = performance.now();
  let errors = 0;
  for (const body of bodies) {
    const answer = await send(agent, `${origin}/api/sync/push`, 'POST', phone.token, body);
    if (answer.status !== 200 || (JSON.parse(answer.body) as { refused: unknown[] }).refused.length > 0) errors += 1;
  }
  const appliedMs = performance.now() - started;
  const probed = await health.stop();
  agent.destroy();
  return [
    {
      name: `note pile: 1,000 × 4,000-character notes to one issue applied, ${label}`,
      value: round(appliedMs / 1000),
      unit: 's',
    },
    { name: `note pile: pushes of ≤ ${pushBatchBytes / 1024} KB, ${label}`, value: bodies.length, unit: 'pushes' },
    { name: `note pile: /healthz p99 meanwhile, ${label}`, value: round(probed.p99, 0), unit: 'ms' },
    { name: `note pile: errors, ${label}`, value: errors + probed.failures, unit: 'requests' },
  ];
}
