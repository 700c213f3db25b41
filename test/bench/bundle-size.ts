import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FirstLoad {
  files: { path: string; gzipBytes: number }[];
  totalGzipBytes: number;
}

/**
 * What a phone downloads before the first screen shows: the scripts, module preloads and
 * stylesheets index.html links, gzipped. Lazy screens and the service worker are not counted.
 */
export function measureFirstLoad(clientDir: string): FirstLoad {
  const html = readFileSync(join(clientDir, 'index.html'), 'utf8');
  const paths = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) paths.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g)) paths.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="(?:stylesheet|modulepreload)"/g)) paths.add(match[1]!);
  const files = [...paths]
    .filter((path) => path.endsWith('.js') || path.endsWith('.css'))
    .map((path) => ({ path, gzipBytes: gzipSync(readFileSync(join(clientDir, path)), { level: 9 }).length }));
  return { files, totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}
