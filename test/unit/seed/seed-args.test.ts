import { describe, expect, it } from 'vitest';
import { parseSeedArgs, UsageError } from '../../../tools/demo/seed-args';

describe('npm run seed flags', () => {
  it('writes 20,000 issues with seed 1 to data/demo-festival.json when given no flags', () => {
    expect(parseSeedArgs([])).toEqual({
      kind: 'seed',
      options: { count: 20000, seed: 1, out: 'data/demo-festival.json', now: '2026-07-13T01:00:00.000Z' },
    });
  });

  it('takes --count, --seed, --out and --now', () => {
    const command = parseSeedArgs(['--count', '500', '--seed=42', '--out', 'tmp/x.json', '--now', '2026-07-11T22:00:00+02:00']);
    expect(command).toEqual({
      kind: 'seed',
      options: { count: 500, seed: 42, out: 'tmp/x.json', now: '2026-07-11T20:00:00.000Z' },
    });
  });

  it('answers --help with usage', () => {
    expect(parseSeedArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--count', 'many'], /--count must be a whole number/],
    [['--count', '-5'], /--count/],
    [['--seed', '1.5'], /--seed must be a whole number/],
    [['--now', 'tonight'], /--now must be a date and time/],
    [['--out', ''], /--out needs a file name/],
    [['--cuont', '3'], /Unknown option '--cuont'/],
    [['stray'], /positional/i],
  ])('rejects %j with a sentence naming the flag', (argv, message) => {
    expect(() => parseSeedArgs(argv)).toThrow(UsageError);
    expect(() => parseSeedArgs(argv)).toThrow(message);
  });
});
