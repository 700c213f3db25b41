import { parseArgs } from 'node:util';
import { defaultDemoNow, maxDemoIssues } from './demo-festival';

export interface SeedOptions {
  count: number;
  seed: number;
  out: string;
  now: string;
}

export type SeedCommand = { kind: 'help' } | { kind: 'seed'; options: SeedOptions };

/** A mistake in the command line: shown as one sentence, never as a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const seedUsage = `Usage: npm run seed -- [--count N] [--seed N] [--out FILE] [--now ISO-TIME]

Writes a realistic three-day demo festival (event, staff and issues) as JSON.

  --count N       number of issues (default 20000, at most ${maxDemoIssues})
  --seed N        random seed, 0–4294967295; the same seed gives the same file (default 1)
  --out FILE      where to write it (default data/demo-festival.json)
  --now TIME      the moment the data is a snapshot of (default ${defaultDemoNow})
  --help          show this text`;

function wholeNumber(flag: string, value: string, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) > max) {
    throw new UsageError(`--${flag} must be a whole number from 0 to ${max}, not "${value}".`);
  }
  return Number(value);
}

export function parseSeedArgs(argv: readonly string[]): SeedCommand {
  let values: { count?: string; seed?: string; out?: string; now?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        count: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    // node:util's messages name the flag ("Unknown option '--cuont'"), which is what a person needs.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { kind: 'help' };
  const now = values.now ?? defaultDemoNow;
  if (Number.isNaN(Date.parse(now)))
    throw new UsageError(`--now must be a date and time such as 2026-07-11T20:00:00Z, not "${now}".`);
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out needs a file name.');
  return {
    kind: 'seed',
    options: {
      count: wholeNumber('count', values.count ?? '20000', maxDemoIssues),
      seed: wholeNumber('seed', values.seed ?? '1', 0xffffffff),
      out: values.out ?? 'data/demo-festival.json',
      now: new Date(now).toISOString(),
    },
  };
}
