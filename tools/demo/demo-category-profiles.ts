import type { FollowUpReason, Mood, Severity } from '../../src/domain/issue';
import type { DayPart } from './demo-schedule';

/** A zone id from defaultZones, or 'outside' for issues off the site (neighbours, the station). */
export type DemoZone =
  | 'main-stage'
  | 'second-stage'
  | 'dance-tent'
  | 'main-gate'
  | 'info-tent'
  | 'food-court'
  | 'campsite-north'
  | 'campsite-south'
  | 'car-park'
  | 'outside';

/** How issues of one category behave at this festival: how often, how bad, where, how long. */
export interface CategoryProfile {
  /** Share of all issues, before the time of day shifts it. */
  weight: number;
  dayParts?: Partial<Record<DayPart, number>>;
  severity: Partial<Record<Severity, number>>;
  zones: Partial<Record<DemoZone, number>>;
  moodAtIntake: Partial<Record<Mood | 'unknown', number>>;
  /** Chance the attendee leaves contact details (consent is asked only then). */
  contactChance: number;
  /** Minutes from first response to done, log-uniform. */
  workMinutes: [number, number];
  /** Handed to another team (medical, security) rather than solved at the desk. */
  isReferral?: boolean;
  /** Answered on the spot by whoever logged it ("where is the accessible platform?"). */
  quickAnswerChance: number;
  followUp?: { reason: FollowUpReason; chance: number; dueDays: [number, number] };
}

const usual: CategoryProfile['moodAtIntake'] = { angry: 10, upset: 35, neutral: 35, satisfied: 5, unknown: 15 };

export const categoryProfiles: Record<string, CategoryProfile> = {
  'lost-property': {
    weight: 16,
    dayParts: { gates: 0.6, headliner: 1.6, night: 1.2 },
    severity: { low: 45, medium: 45, high: 9, urgent: 1 },
    zones: {
      'info-tent': 30,
      'main-stage': 20,
      'dance-tent': 12,
      'second-stage': 10,
      'food-court': 12,
      'campsite-north': 6,
      'campsite-south': 6,
      'car-park': 4,
    },
    moodAtIntake: { angry: 5, upset: 50, neutral: 30, unknown: 15 },
    contactChance: 0.85,
    workMinutes: [10, 240],
    quickAnswerChance: 0.08,
    followUp: { reason: 'lost_property', chance: 0.6, dueDays: [1, 14] },
  },
  'lost-person': {
    weight: 5,
    dayParts: { morning: 0.3, gates: 0.6, headliner: 2.2, night: 1.2 },
    severity: { medium: 30, high: 45, urgent: 25 },
    zones: { 'info-tent': 40, 'main-stage': 25, 'dance-tent': 15, 'second-stage': 10, 'campsite-north': 5, 'campsite-south': 5 },
    moodAtIntake: { angry: 3, upset: 75, neutral: 12, unknown: 10 },
    contactChance: 0.7,
    workMinutes: [5, 75],
    quickAnswerChance: 0,
  },
  ticketing: {
    weight: 13,
    dayParts: { morning: 0.7, gates: 2.5, headliner: 0.3, night: 0.2 },
    severity: { low: 15, medium: 55, high: 27, urgent: 3 },
    zones: { 'main-gate': 65, 'info-tent': 25, 'car-park': 5, 'campsite-north': 3, 'campsite-south': 2 },
    moodAtIntake: { angry: 18, upset: 40, neutral: 30, satisfied: 2, unknown: 10 },
    contactChance: 0.8,
    workMinutes: [5, 45],
    quickAnswerChance: 0.12,
    followUp: { reason: 'refund', chance: 0.12, dueDays: [3, 14] },
  },
  cashless: {
    weight: 14,
    dayParts: { morning: 0.5, gates: 0.8, evening: 1.2, night: 0.8 },
    severity: { low: 35, medium: 50, high: 14, urgent: 1 },
    zones: { 'info-tent': 35, 'food-court': 30, 'main-stage': 15, 'dance-tent': 10, 'second-stage': 10 },
    moodAtIntake: { angry: 15, upset: 40, neutral: 33, satisfied: 2, unknown: 10 },
    contactChance: 0.9,
    workMinutes: [5, 90],
    quickAnswerChance: 0.1,
    followUp: { reason: 'refund', chance: 0.55, dueDays: [3, 10] },
  },
  accessibility: {
    weight: 4,
    dayParts: { gates: 1.5 },
    severity: { low: 15, medium: 50, high: 30, urgent: 5 },
    zones: {
      'main-stage': 35,
      'main-gate': 20,
      'info-tent': 15,
      'second-stage': 10,
      'car-park': 10,
      'campsite-north': 5,
      'campsite-south': 5,
    },
    moodAtIntake: usual,
    contactChance: 0.6,
    workMinutes: [10, 60],
    quickAnswerChance: 0.15,
    followUp: { reason: 'apology', chance: 0.15, dueDays: [2, 10] },
  },
  'medical-welfare': {
    weight: 6,
    dayParts: { morning: 0.6, headliner: 1.6, night: 1.4 },
    severity: { medium: 20, high: 45, urgent: 35 },
    zones: {
      'main-stage': 30,
      'dance-tent': 25,
      'second-stage': 10,
      'info-tent': 10,
      'campsite-north': 10,
      'campsite-south': 10,
      'food-court': 5,
    },
    moodAtIntake: { upset: 50, neutral: 25, unknown: 25 },
    contactChance: 0.3,
    workMinutes: [2, 15],
    isReferral: true,
    quickAnswerChance: 0,
  },
  'safety-security': {
    weight: 5,
    dayParts: { headliner: 1.5, night: 1.3 },
    severity: { medium: 35, high: 45, urgent: 20 },
    zones: {
      'main-stage': 25,
      'dance-tent': 20,
      'campsite-north': 15,
      'campsite-south': 15,
      'car-park': 10,
      'main-gate': 10,
      'food-court': 5,
    },
    moodAtIntake: { angry: 20, upset: 50, neutral: 15, unknown: 15 },
    contactChance: 0.35,
    workMinutes: [2, 20],
    isReferral: true,
    quickAnswerChance: 0,
  },
  facilities: {
    weight: 8,
    dayParts: { morning: 2, afternoon: 1.3 },
    severity: { low: 40, medium: 45, high: 14, urgent: 1 },
    zones: {
      'campsite-north': 20,
      'campsite-south': 20,
      'main-stage': 15,
      'food-court': 15,
      'dance-tent': 10,
      'second-stage': 10,
      'main-gate': 10,
    },
    moodAtIntake: usual,
    contactChance: 0.3,
    workMinutes: [10, 120],
    quickAnswerChance: 0.1,
    followUp: { reason: 'apology', chance: 0.05, dueDays: [2, 10] },
  },
  noise: {
    weight: 3,
    dayParts: { morning: 1.5, gates: 0.5, afternoon: 0.5, night: 3 },
    severity: { low: 30, medium: 50, high: 20 },
    zones: { outside: 55, 'campsite-north': 25, 'campsite-south': 20 },
    moodAtIntake: { angry: 40, upset: 40, neutral: 10, unknown: 10 },
    contactChance: 0.6,
    workMinutes: [15, 180],
    quickAnswerChance: 0,
    followUp: { reason: 'apology', chance: 0.35, dueDays: [1, 7] },
  },
  transport: {
    weight: 5,
    dayParts: { morning: 1.5, gates: 1.8, headliner: 1.2, night: 2 },
    severity: { low: 30, medium: 50, high: 18, urgent: 2 },
    zones: { 'car-park': 45, 'main-gate': 30, outside: 15, 'info-tent': 10 },
    moodAtIntake: usual,
    contactChance: 0.4,
    workMinutes: [10, 90],
    quickAnswerChance: 0.2,
  },
  camping: {
    weight: 6,
    dayParts: { morning: 3, gates: 1.2, headliner: 0.6, night: 2.5 },
    severity: { low: 35, medium: 45, high: 18, urgent: 2 },
    zones: { 'campsite-north': 50, 'campsite-south': 50 },
    moodAtIntake: usual,
    contactChance: 0.5,
    workMinutes: [10, 120],
    quickAnswerChance: 0.08,
    followUp: { reason: 'refund', chance: 0.06, dueDays: [3, 14] },
  },
  'food-vendors': {
    weight: 5,
    dayParts: { morning: 0.6, evening: 1.5, night: 0.5 },
    severity: { low: 45, medium: 45, high: 9, urgent: 1 },
    zones: { 'food-court': 80, 'main-stage': 10, 'campsite-north': 5, 'campsite-south': 5 },
    moodAtIntake: usual,
    contactChance: 0.45,
    workMinutes: [5, 60],
    quickAnswerChance: 0.1,
    followUp: { reason: 'refund', chance: 0.2, dueDays: [3, 10] },
  },
  lineup: {
    weight: 3,
    dayParts: { morning: 0.5, evening: 1.3, headliner: 0.8, night: 0.2 },
    severity: { low: 70, medium: 28, high: 2 },
    zones: { 'info-tent': 50, 'main-stage': 20, 'second-stage': 15, 'dance-tent': 15 },
    moodAtIntake: { angry: 5, upset: 25, neutral: 55, satisfied: 5, unknown: 10 },
    contactChance: 0.2,
    workMinutes: [2, 15],
    quickAnswerChance: 0.6,
  },
  'staff-conduct': {
    weight: 2,
    severity: { low: 10, medium: 50, high: 35, urgent: 5 },
    zones: { 'main-gate': 30, 'food-court': 20, 'main-stage': 20, 'dance-tent': 10, 'campsite-north': 10, 'campsite-south': 10 },
    moodAtIntake: { angry: 55, upset: 35, neutral: 5, unknown: 5 },
    contactChance: 0.8,
    workMinutes: [20, 240],
    quickAnswerChance: 0,
    followUp: { reason: 'apology', chance: 0.6, dueDays: [1, 7] },
  },
  praise: {
    weight: 3.5,
    severity: { low: 95, medium: 5 },
    zones: { 'info-tent': 40, 'main-stage': 20, 'main-gate': 10, 'food-court': 10, 'campsite-north': 10, 'campsite-south': 10 },
    moodAtIntake: { satisfied: 35, delighted: 65 },
    contactChance: 0.45,
    workMinutes: [1, 5],
    quickAnswerChance: 0.55,
    followUp: { reason: 'thank_you', chance: 0.5, dueDays: [3, 21] },
  },
  other: {
    weight: 2,
    severity: { low: 50, medium: 40, high: 10 },
    zones: { 'info-tent': 60, 'main-gate': 15, 'food-court': 10, 'main-stage': 15 },
    moodAtIntake: usual,
    contactChance: 0.4,
    workMinutes: [5, 60],
    quickAnswerChance: 0.3,
  },
};

export function categoryWeightsAt(part: DayPart): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const [id, profile] of Object.entries(categoryProfiles)) weights[id] = profile.weight * (profile.dayParts?.[part] ?? 1);
  return weights;
}
