import type { ContactChannel, Mood, PublicRiskLevel, Severity, SourceKind } from '../../domain/issue';

/** Everything the capture form holds while it is being typed; stored as the draft. */
export interface CaptureFormState {
  category: string;
  summary: string;
  severity: Severity;
  zoneId: string;
  location: string;
  details: string;
  sourceKind: SourceKind;
  sourceLink: string;
  attendeeName: string;
  email: string;
  phone: string;
  ticketId: string;
  preferredChannel: ContactChannel | '';
  /** The language the attendee spoke ('' when not asked); a new form starts at the festival's. */
  language: string;
  consentGiven: boolean;
  moodAtIntake: Mood | '';
  publicRisk: PublicRiskLevel;
  escalateToComms: boolean;
}

export const emptyCapture: CaptureFormState = {
  category: '',
  summary: '',
  severity: 'medium',
  zoneId: '',
  location: '',
  details: '',
  sourceKind: 'in_person',
  sourceLink: '',
  attendeeName: '',
  email: '',
  phone: '',
  ticketId: '',
  preferredChannel: '',
  language: '',
  consentGiven: false,
  moodAtIntake: '',
  publicRisk: 'none',
  escalateToComms: false,
};

export const captureDraftKey = 'capture';

/**
 * The form of a new issue: most attendees at a festival speak its language, so the attendee's
 * language starts there and staff change it when they hear another.
 */
export function freshCapture(festivalLanguage: string): CaptureFormState {
  return { ...emptyCapture, language: festivalLanguage };
}

/** Whether nothing was typed or chosen beyond what a new form starts with. */
export function isEmptyCapture(state: CaptureFormState, festivalLanguage: string): boolean {
  return JSON.stringify(state) === JSON.stringify(freshCapture(festivalLanguage));
}

/** A stored draft from an older version may lack fields or carry odd values: keep what fits. */
export function captureFromDraft(draft: Record<string, unknown> | undefined, festivalLanguage: string): CaptureFormState {
  const state: Record<string, unknown> = { ...freshCapture(festivalLanguage) };
  for (const [key, value] of Object.entries(draft ?? {})) {
    if (key in emptyCapture && typeof value === typeof emptyCapture[key as keyof CaptureFormState]) state[key] = value;
  }
  return state as unknown as CaptureFormState;
}

/**
 * The createIssue arguments for a filled-in form; validation happens in the mutator. The
 * festival's language, where the form starts, is recorded only with an attendee: an issue
 * nobody gave contact details for gets no attendee for it.
 */
export function createIssueArgs(
  state: CaptureFormState,
  id: string,
  eventId: string,
  festivalLanguage: string,
): Record<string, unknown> {
  const heardOtherLanguage = state.language !== '' && state.language !== festivalLanguage;
  const hasContact = Boolean(state.attendeeName || state.email || state.phone || state.ticketId || heardOtherLanguage);
  return {
    id,
    eventId,
    category: state.category,
    summary: state.summary,
    severity: state.severity,
    zoneId: state.zoneId || null,
    location: state.location,
    details: state.details,
    source: { kind: state.sourceKind, link: state.sourceKind === 'social' ? state.sourceLink : '' },
    ...(hasContact
      ? {
          attendee: {
            name: state.attendeeName,
            email: state.email,
            phone: state.phone,
            ticketId: state.ticketId,
            preferredChannel: state.preferredChannel || null,
            ...(state.language ? { language: state.language } : {}),
          },
        }
      : {}),
    consentGiven: state.consentGiven,
    moodAtIntake: state.moodAtIntake || null,
    ...(state.publicRisk !== 'none' ? { publicRisk: { level: state.publicRisk, escalateToComms: state.escalateToComms } } : {}),
  };
}
