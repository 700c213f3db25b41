export const roles = ['staff', 'coordinator', 'organizer'] as const;
export type Role = (typeof roles)[number];

export interface StaffMember {
  id: string;
  name: string;
  role: Role;
}

/** Who is making a change: passed to every mutator, never read from a global. */
export type Actor = StaffMember;

/** Attendee contact details are personal data: only these roles may read them. */
export function canReadContactDetails(role: Role): boolean {
  return role === 'coordinator' || role === 'organizer';
}
