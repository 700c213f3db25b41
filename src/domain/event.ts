import type { AlertKind, AlertRule } from './alert-rules';
import { type Category, defaultCategories } from './categories';
import type { Severity } from './issue';
import type { DayBoundary } from './operational-day';
import type { Phrase } from './phrase';

export interface Zone {
  id: string;
  name: string;
}

export interface FestivalEvent extends DayBoundary {
  id: string;
  name: string;
  /** Festival days as calendar dates ("2026-07-10"), in order. */
  days: string[];
  zones: Zone[];
  categories: Category[];
  /** Minutes to a first response before the queue highlights an issue; null = same day. */
  responseTargets: Record<Severity, number | null>;
  /**
   * Who changed the settings, when and what, newest last: the event's own timeline. Kept to
   * the last `maxEventChanges`; events stored before settings were synced have none.
   */
  changes?: EventChange[];
  /** Days attendee personal data is kept after the last festival day (default 30). */
  retentionDays?: number;
  /** Days unclaimed lost property is kept after the last festival day before it may be disposed of (default 30). */
  lostPropertyKeepDays?: number;
  /** Which kinds of alert go to whom and when they escalate (defaults in alerts.ts). */
  alertRules?: Partial<Record<AlertKind, AlertRule>>;
  /** When the server removed the event's attendee personal data, the retention period having ended. */
  personalDataPurgedAt?: string;
  /**
   * The festival's language, as coordinators set it (one of `festivalLanguages`). Events from
   * before the setting have none: read it through `festivalLanguageOf`, which falls back to the
   * timezone's. Typed as text because a newer server may know a language this app does not.
   */
  language?: string;
}

/** One change to the festival settings, as the server applied it. */
export interface EventChange {
  /** The mutation's UUID: a change re-applied on a rebase is recorded once. */
  id: string;
  /** Device time of the change: shown, never used for ordering. */
  at: string;
  by: { id: string; name: string };
  /** A sentence for people in English ("Festival settings: zone “Main stage” renamed to “Big top”"). */
  text: string;
  /**
   * What changed, one phrase per setting, for each phone to say in its person's language. Absent
   * on changes recorded before phrases (they show `text`).
   */
  phrases?: Phrase[];
}

export const maxEventChanges = 100;

export const defaultResponseTargets: Record<Severity, number | null> = { urgent: 10, high: 30, medium: 120, low: null };

export const defaultZones: Zone[] = [
  { id: 'main-stage', name: 'Main stage' },
  { id: 'second-stage', name: 'Second stage' },
  { id: 'dance-tent', name: 'Dance tent' },
  { id: 'main-gate', name: 'Main gate' },
  { id: 'info-tent', name: 'Info tent' },
  { id: 'food-court', name: 'Food court' },
  { id: 'campsite-north', name: 'Campsite north' },
  { id: 'campsite-south', name: 'Campsite south' },
  { id: 'car-park', name: 'Car park' },
];

/** The event a phone starts with before it joins a real one. */
export function defaultEvent(id: string, timezone: string): FestivalEvent {
  return {
    id,
    name: 'Festival',
    timezone,
    dayStartsAt: '06:00',
    days: [],
    zones: defaultZones,
    categories: defaultCategories,
    responseTargets: defaultResponseTargets,
  };
}
