import { type Category, defaultCategories } from './categories';
import type { Severity } from './issue';
import type { DayBoundary } from './operational-day';

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
}

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
