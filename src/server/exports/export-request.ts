import { z } from 'zod';
import { exportKinds } from '../../domain/export-rows';
import { isCalendarDate } from '../../domain/operational-day';

export const exportFormats = ['csv', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Where an export was made: the API, the command line on the server box, or a device's own data. */
export const exportSources = ['app', 'api', 'cli'] as const;
export type ExportSource = (typeof exportSources)[number];

export const exportKindSchema = z.enum(exportKinds, { message: `must be ${exportKinds.join(' or ')}` });
export const exportFormatSchema = z.enum(exportFormats, { message: `must be ${exportFormats.join(' or ')}` });

/** A festival day as a calendar date; days outside the event are allowed and simply hold no issues. */
export const exportDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a festival day like 2026-07-10')
  .refine(isCalendarDate, 'is not a date in the calendar');

export const exportParamsSchema = z.object({ kind: exportKindSchema });

export const exportQuerySchema = z.object({
  // An empty `day=` (a form with no day picked) means the whole event, like no day at all.
  day: z
    .union([z.literal(''), exportDaySchema])
    .optional()
    .transform((day) => day || null),
  format: exportFormatSchema.default('csv'),
});
