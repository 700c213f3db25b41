import * as z from 'zod/mini';
import { AppError } from '../domain/app-error';
import type { FestivalEvent } from '../domain/event';
import type { Issue } from '../domain/issue';
import { severities, statuses } from '../domain/issue';
import { clockPattern } from '../domain/operational-day';
import { uuidPattern } from '../domain/uuid-v7';
import { parseOrThrow } from '../domain/validation';
import type { HelptentDatabase } from './database';
import { putArrivedIssues } from './issue-repository';
import { withReopenRetry } from './retry';

export interface DemoData {
  event: FestivalEvent;
  issues: Issue[];
}

const clock = z.string().check(z.regex(clockPattern, 'must be a time like 06:00'));
const demoSchema = z.object({
  format: z.literal('helptent-demo', 'is not a Helptent demo file'),
  version: z.literal(1, 'is a version this app cannot read'),
  event: z.looseObject({
    id: z.string().check(z.minLength(1)),
    name: z.string(),
    timezone: z.string().check(z.minLength(1)),
    dayStartsAt: clock,
    zones: z.array(z.object({ id: z.string(), name: z.string() })),
    categories: z.array(z.looseObject({ id: z.string(), label: z.string() })),
  }),
  // The shape checks that matter for storing and listing; mutators check the rest on change.
  issues: z.array(
    z.looseObject({
      id: z.string().check(z.regex(uuidPattern, 'must be a UUID')),
      eventId: z.string(),
      createdAt: z.iso.datetime({ offset: true }),
      summary: z.string(),
      category: z.string(),
      severity: z.enum(severities),
      status: z.enum(statuses),
      timeline: z.array(z.looseObject({ id: z.string(), at: z.string() })),
    }),
  ),
});

/** Reads a demo file made by `npm run seed`; a wrong file is refused with the reason. */
export function parseDemoFile(text: string): DemoData {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('invalid', 'This file is not a Helptent demo file: it is not JSON.');
  }
  const data = parseOrThrow(demoSchema, json, 'demo file');
  const event = data.event as unknown as FestivalEvent;
  const foreign = data.issues.findIndex((issue) => issue.eventId !== event.id);
  if (foreign >= 0) {
    throw new AppError('invalid', `The demo file is not valid — issue ${foreign} belongs to another event.`);
  }
  return { event, issues: data.issues as unknown as Issue[] };
}

/** Issues stored per write while loading demo data: the count the progress bar moves by. */
const demoSlice = 1000;

/**
 * The demo event and its issues in one transaction: a failed load changes nothing. Written a
 * slice at a time, telling `onProgress` how many are stored, so 20,000 issues on a slow phone
 * show "4,000 of 20,000" instead of a still screen (and the page gets its turns in between).
 */
export async function storeDemo(
  db: HelptentDatabase,
  demo: DemoData,
  onProgress: (stored: number, total: number) => void = () => undefined,
): Promise<void> {
  const total = demo.issues.length;
  await withReopenRetry(db, () =>
    db.transaction('rw', [db.meta, db.issues, db.queue, db.queuePages], async () => {
      onProgress(0, total);
      await db.meta.put({ key: 'event', value: demo.event });
      for (let start = 0; start < total; start += demoSlice) {
        const slice = demo.issues.slice(start, start + demoSlice);
        await putArrivedIssues(db, demo.event, slice);
        onProgress(start + slice.length, total);
      }
    }),
  );
}
