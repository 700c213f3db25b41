import { type Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { AlertView } from '../../src/domain/alerts';
import { appHeaders } from './sync/workload';

function get(agent: Agent, url: string, token: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: appHeaders(token) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`${url} answered ${res.statusCode}`))));
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error('request timed out after 30 s')));
    req.on('error', reject);
    req.end();
  });
}

/**
 * A phone with the app open, as the sync engine behaves: it follows the poke stream and, on a
 * poke, syncs once (pull from its cursor, then GET /api/alerts), pokes during a sync making one
 * more round. What it learns from /api/alerts goes to `onAlerts` with the time it arrived.
 */
export class OpenPhone {
  private cursor: number;
  private syncing = false;
  private again = false;
  private stream: (() => void) | null = null;
  errors = 0;
  /** When pokes arrived, and how long each pull and alerts fetch took (performance.now ms). */
  readonly timings = { pokes: [] as number[], pullMs: [] as number[], alertsMs: [] as number[] };

  constructor(
    private readonly origin: string,
    readonly token: string,
    startCursor: number,
    private readonly agents: { streams: Agent; requests: Agent },
    private readonly onAlerts: (alerts: Pick<AlertView, 'issueId' | 'kind'>[], at: number) => void = () => {},
  ) {
    this.cursor = startCursor;
  }

  /** Opens the poke stream; resolves once the server said "connected". */
  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.origin}/api/sync/pokes`,
        { agent: this.agents.streams, headers: appHeaders(this.token) },
        (res) => {
          if (res.statusCode !== 200) return reject(new Error(`poke stream answered ${res.statusCode}`));
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            const events = buffer.split('\n\n');
            buffer = events.pop() ?? '';
            if (events.some((e) => e.includes(': connected'))) resolve();
            if (events.some((e) => e.startsWith('event: poke'))) {
              this.timings.pokes.push(performance.now());
              void this.sync();
            }
          });
          res.on('error', () => undefined);
        },
      );
      req.on('error', reject);
      req.end();
      this.stream = () => req.destroy();
    });
  }

  /** True while no sync runs or is asked for. */
  get idle(): boolean {
    return !this.syncing;
  }

  close(): void {
    this.stream?.();
  }

  private async sync(): Promise<void> {
    if (this.syncing) {
      this.again = true;
      return;
    }
    this.syncing = true;
    try {
      do {
        this.again = false;
        let started = performance.now();
        for (;;) {
          const page = JSON.parse(
            await get(this.agents.requests, `${this.origin}/api/sync/pull?cursor=${this.cursor}&limit=2000`, this.token),
          ) as { cursor: number; hasMore: boolean };
          this.cursor = page.cursor;
          if (!page.hasMore) break;
        }
        this.timings.pullMs.push(performance.now() - started);
        started = performance.now();
        const { alerts } = JSON.parse(await get(this.agents.requests, `${this.origin}/api/alerts`, this.token)) as {
          alerts: AlertView[];
        };
        this.timings.alertsMs.push(performance.now() - started);
        this.onAlerts(alerts, performance.now());
      } while (this.again);
    } catch {
      this.errors += 1;
    } finally {
      this.syncing = false;
    }
  }
}
