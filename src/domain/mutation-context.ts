import type { AlertAnswer, Issue, TimelineEntry, TimelineKind } from './issue';
import type { CustodyStep } from './lost-property';
import type { Phrase } from './phrase';
import { phraseText } from './phrase-text';
import type { Actor } from './staff';

/** Everything a mutator may know beyond its arguments; passed in so mutators stay pure. */
export interface MutationContext {
  /** Time of the change, ISO 8601: shown to people, never used for ordering. */
  now: string;
  /** The device's own time when the server did not believe it and `now` is when it arrived. */
  deviceNow?: string | undefined;
  actor: Actor;
  /** Client-made id of this mutation; timeline entries derive their ids from it. */
  mutationUuid: string;
}

export interface EntryOptions {
  note?: string;
  alert?: AlertAnswer;
  custody?: CustodyStep;
  /** Suffix for a second entry of the same change (`<uuid>:stored`). */
  idSuffix?: string;
}

/** A timeline entry saying `phrase`: in English as its text, and as the phrase each phone translates. */
export function entry(ctx: MutationContext, kind: TimelineKind, phrase: Phrase, options: EntryOptions = {}): TimelineEntry {
  const made: TimelineEntry = {
    id: options.idSuffix ? `${ctx.mutationUuid}:${options.idSuffix}` : ctx.mutationUuid,
    at: ctx.now,
    by: { id: ctx.actor.id, name: ctx.actor.name },
    kind,
    text: phraseText(phrase),
    phrase,
    note: options.note ?? '',
  };
  if (options.custody) made.custody = options.custody;
  if (options.alert) made.alert = options.alert;
  return ctx.deviceNow === undefined ? made : { ...made, deviceAt: ctx.deviceNow };
}

export function withEntry(issue: Issue, ctx: MutationContext, kind: TimelineKind, phrase: Phrase, note = ''): Issue {
  return { ...issue, updatedAt: ctx.now, timeline: [...issue.timeline, entry(ctx, kind, phrase, { note })] };
}

/** Appends several entries of one change (the first under the change's own id). */
export function withEntries(issue: Issue, ctx: MutationContext, entries: TimelineEntry[]): Issue {
  return { ...issue, updatedAt: ctx.now, timeline: [...issue.timeline, ...entries] };
}
