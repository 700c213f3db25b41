export const roles = ['staff', 'coordinator', 'organizer'] as const;
export type Role = (typeof roles)[number];

export interface StaffMember {
  id: string;
  name: string;
  role: Role;
}

/** Who is making a change: passed to every mutator, never read from a global. */
export type Actor = StaffMember;

/**
 * Someone who joined the event, as the server knows them: the people directory every phone
 * holds, so hand-overs and "Mine" name people rather than typed text.
 */
export interface EventPerson {
  id: string;
  name: string;
  /** The role their join code granted. */
  role: Role;
  /** The device they joined on last. */
  deviceId: string;
  /** False once an organizer signed that device out. */
  signedIn: boolean;
  /** Server time of their (latest) join. */
  joinedAt: string;
  /** On duty (alerts reach them) from joining until they say otherwise; older servers send nothing. */
  onDuty?: boolean;
  /** The zone they are working in while on duty, if they said. */
  dutyZoneId?: string | null;
  /** Whether alerts reach their device when the app is closed (it holds a Web Push subscription). */
  pushReachable?: boolean;
}

/** True when `role` is `needed` or above: organizers may do what coordinators may. */
export function hasRoleAtLeast(role: Role, needed: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(needed);
}

/** Attendee contact details are personal data: only these roles may read them. */
export function canReadContactDetails(role: Role): boolean {
  return hasRoleAtLeast(role, 'coordinator');
}

export function canChangeEventSettings(role: Role): boolean {
  return hasRoleAtLeast(role, 'coordinator');
}
