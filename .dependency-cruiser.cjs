/**
 * The layer rules of STYLE.md ("Folders show the architecture"), checked by `npm run depcheck`.
 * Dependencies point one way: app → sync → db → domain; server → domain; sw → sync → db → domain; tools → domain.
 *
 * TypeScript 7 has no JS API, so dependency-cruiser parses with `typescript` (TS 6, the
 * `@typescript/typescript6` alias) while `tsc` in `npm run typecheck` is TS 7 (`@typescript/native`).
 */

// Without a TypeScript it can load, dependency-cruiser skips every .ts file and finds nothing wrong.
const typescriptMajor = Number(require('typescript/package.json').version.split('.')[0]);
if (!(typescriptMajor < 7)) {
  throw new Error('`typescript` must resolve to TypeScript 6 or older (the JS API dependency-cruiser parses with).');
}

/** Our own code, as opposed to packages in node_modules. */
const ours = '^(src|sw|tools|test)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain runs in the browser, the service worker, the server and tests: it imports nothing else of ours.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: ours, pathNot: '^src/domain/' },
    },
    {
      name: 'app-not-server',
      comment: 'The phone reaches the server over HTTP (src/sync), never by importing it.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'server-not-client',
      comment: 'The server shares only src/domain with the phone.',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/(app|db|sync)/' },
    },
    {
      name: 'db-below-sync-and-app',
      comment: 'src/db is storage: screens and sync read through it, it knows neither of them.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/(app|sync|server)/' },
    },
    {
      name: 'sync-below-app',
      comment: 'The sync engine serves the screens and the service worker; it never imports either.',
      severity: 'error',
      from: { path: '^src/sync/' },
      to: { path: '^src/(app|server)/' },
    },
    {
      name: 'sw-not-app-or-server',
      comment:
        'The service worker runs Background Sync with the sync engine and the phone database; never screens or the server.',
      severity: 'error',
      from: { path: '^sw/' },
      to: { path: ours, pathNot: '^(sw|src/(domain|db|sync))/' },
    },
    {
      name: 'tools-not-client',
      comment: 'Tools (the demo generator) build on src/domain, not on the phone.',
      severity: 'error',
      from: { path: '^tools/' },
      to: { path: '^src/(app|db|sync)/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only imports included.',
      severity: 'error',
      from: { path: '^(src|sw|tools)/' },
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import the checker cannot resolve is one it cannot check.',
      severity: 'error',
      from: { path: '^(src|sw|tools)/' },
      to: { couldNotResolve: true, pathNot: '^virtual:' },
    },
  ],
  options: {
    // Type-only imports count: a cycle through types is still a cycle.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    includeOnly: ['^(src|sw|tools)/', 'node_modules'],
    exclude: { path: '\\.d\\.ts$' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
