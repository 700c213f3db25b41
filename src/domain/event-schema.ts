import * as z from 'zod/mini';
import { alertRulesWireSchema } from './alert-rules-schema';
import { lazySchema } from './lazy-schema';
import { clockPattern } from './operational-day';
import { phraseSchema } from './phrase-schema';

const target = lazySchema(() => z.nullable(z.number()));

/** A festival event as the server hands it out (join answer, pull page). */
export const festivalEventSchema = lazySchema(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    name: z.string(),
    timezone: z.string(),
    dayStartsAt: z.string().check(z.regex(clockPattern)),
    days: z.array(z.string()),
    zones: z.array(z.object({ id: z.string(), name: z.string() })),
    categories: z.array(z.object({ id: z.string(), label: z.string(), isReferral: z.exactOptional(z.boolean()) })),
    // In the order the server writes them, so copies compare equal as text too.
    responseTargets: z.object({ urgent: target, high: target, medium: target, low: target }),
    retentionDays: z.exactOptional(z.number()),
    personalDataPurgedAt: z.exactOptional(z.string()),
    lostPropertyKeepDays: z.exactOptional(z.number()),
    alertRules: z.exactOptional(alertRulesWireSchema),
    // Any text: a language a newer server knows must not stop this phone's pulls (festivalLanguageOf falls back).
    language: z.exactOptional(z.string()),
    changes: z.exactOptional(
      z.array(
        z.object({
          id: z.string(),
          at: z.string(),
          by: z.object({ id: z.string(), name: z.string() }),
          text: z.string(),
          // Optional: changes recorded before phrases, and events from older servers, have none.
          phrases: z.exactOptional(z.array(phraseSchema)),
        }),
      ),
    ),
  }),
);
