import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDemoFestival } from './demo-festival';
import { parseSeedArgs, seedUsage, UsageError } from './seed-args';

/** `npm run seed`: writes a demo festival to a JSON file. Exit codes: 0 done, 1 could not write, 2 bad flags. */
function main(): number {
  let command: ReturnType<typeof parseSeedArgs>;
  try {
    command = parseSeedArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${seedUsage}`);
    return 2;
  }
  if (command.kind === 'help') {
    console.log(seedUsage);
    return 0;
  }
  const { count, seed, out, now } = command.options;
  const started = performance.now();
  let festival: ReturnType<typeof generateDemoFestival>;
  try {
    festival = generateDemoFestival({ seed, issueCount: count, now });
  } catch (error) {
    // The generator rejects options it cannot honour (a --now before the gates open) with a sentence.
    if (!(error instanceof RangeError)) throw error;
    console.error(error.message);
    return 2;
  }
  const json = `${JSON.stringify(festival)}\n`;
  const path = resolve(out);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`Could not write ${out} (${reason}). Choose another --out path, or make its folder writable.`);
    return 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const megabytes = (Buffer.byteLength(json) / 1024 / 1024).toFixed(1);
  console.log(
    `Wrote ${festival.issues.length.toLocaleString('en')} issues of "${festival.event.name}" ` +
      `(${festival.event.days.join(', ')}; ${festival.staff.length} staff; seed ${seed}) ` +
      `to ${out}: ${megabytes} MB in ${seconds} s.`,
  );
  return 0;
}

process.exitCode = main();
