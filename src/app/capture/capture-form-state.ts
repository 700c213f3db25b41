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
  /** The language the attendee spoke ('' when not asked). */
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

export function isEmptyCapture(state: CaptureFormState): boolean {
  return JSON.stringify(state) === JSON.stringify(emptyCapture);
}

/** A stored draft from an older version may lack fields or carry odd values: keep what fits. */
export function captureFromDraft(draft: Record<string, unknown> | undefined): CaptureFormState {
  const state: Record<string, unknown> = { ...emptyCapture };
  for (const [key, value] of Object.entries(draft ?? {})) {
    if (key in emptyCapture && typeof value === typeof emptyCapture[key as keyof CaptureFormState]) state[key] = value;
  }
  return state as unknown as CaptureFormState;
}

/** The createIssue arguments for a filled-in form; validation happens in the mutator. */
export function createIssueArgs(state: CaptureFormState, id: string, eventId: string): Record<string, unknown> {
  const hasContact = Boolean(state.attendeeName || state.email || state.phone || state.ticketId || state.language);
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
