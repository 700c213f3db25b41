import { build } from 'esbuild';

/**
 * The in-page bench as one IIFE script, so it can be injected into a page of the served app's
 * origin and use that origin's IndexedDB. esbuild comes with tsx and vite.
 */
export async function bundleBenchEntry(entry: URL = new URL('./issues-bench-entry.ts', import.meta.url)): Promise<string> {
  const result = await build({
    entryPoints: [entry.pathname],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'error',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no bench bundle');
  return output.text;
}
