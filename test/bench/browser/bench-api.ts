/** What the bench bundle exposes on `window` inside Chromium; Node calls it through page.evaluate. */
export interface SeedResult {
  eventId: string;
  issueCount: number;
  generateMs: number;
  importMs: number;
}

export interface HeldQueue {
  ms: number;
  rows: number;
}

export interface FilterSamples {
  ms: number[];
  /** Average rows a query matched, to show the mix is not all-empty or all-full. */
  meanMatches: number;
}

export interface SaveSamples {
  createIssueMs: number[];
  addNoteMs: number[];
  barePutMs: number[];
}

export interface HelptentBench {
  /** Generates the demo festival in the page and imports it into each named database. */
  seedDatabases(options: { seed: number; issueCount: number; benchDb: string; appDb: string }): Promise<SeedResult>;
  /** readQueue of the bench database; the rows stay referenced until dropQueue(). */
  loadQueue(): Promise<HeldQueue>;
  dropQueue(): void;
  filterSamples(options: { warmup: number; samples: number; seed: number }): FilterSamples;
  saveSamples(options: { warmup: number; samples: number; seed: number }): Promise<SaveSamples>;
  close(): void;
}

declare global {
  interface Window {
    helptentBench: HelptentBench;
  }
}
