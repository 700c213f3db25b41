import { readdirSync, readFileSync } from 'node:fs';

/** Milliseconds each group of processes has run on a CPU so far (Linux /proc; empty elsewhere). */
export function cpuMsByGroup(groups: Record<string, (cmdline: string) => boolean>): Record<string, number> {
  const ticksPerSecond = 100;
  const used: Record<string, number> = Object.fromEntries(Object.keys(groups).map((name) => [name, 0]));
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return used;
  }
  for (const pid of pids) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const group = Object.entries(groups).find(([, matches]) => matches(cmdline))?.[0];
      if (!group) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name: utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      used[group]! += ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
    } catch {
      // The process ended meanwhile.
    }
  }
  return used;
}
