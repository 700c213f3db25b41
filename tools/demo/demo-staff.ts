import type { StaffMember } from '../../src/domain/staff';
import type { Random } from './seeded-random';

/** Local clock minutes a shift covers; a shift past midnight wraps (22:00–04:00). */
interface Shift {
  from: number;
  to: number;
}

const day: Shift = { from: 8 * 60, to: 18 * 60 };
const evening: Shift = { from: 16 * 60, to: 60 };
const night: Shift = { from: 22 * 60, to: 4 * 60 };
const allHours: Shift = { from: 0, to: 24 * 60 };

export interface DemoStaffMember extends StaffMember {
  shift: Shift;
}

const crew: [name: string, role: StaffMember['role'], shift: Shift][] = [
  ['Marieke Jansen', 'organizer', allHours],
  ['Tom Okafor', 'organizer', allHours],
  ['Priya Raman', 'coordinator', day],
  ['Jamal Haddad', 'coordinator', evening],
  ['Sofie Peeters', 'coordinator', evening],
  ['Lars Visser', 'coordinator', night],
  ['Noor Bakker', 'staff', day],
  ['Sam de Wit', 'staff', day],
  ['Emma Kowalski', 'staff', day],
  ['Daan Smit', 'staff', day],
  ['Fatima El Amrani', 'staff', day],
  ['Jonas Becker', 'staff', day],
  ['Lotte Mulder', 'staff', day],
  ['Ruben Meijer', 'staff', evening],
  ['Aisha Mensah', 'staff', evening],
  ['Milan de Boer', 'staff', evening],
  ['Julia Costa', 'staff', evening],
  ['Thijs Hendriks', 'staff', evening],
  ['Yara Dekker', 'staff', evening],
  ['Bram van Dijk', 'staff', evening],
  ['Iris Vos', 'staff', night],
  ['Kofi Asante', 'staff', night],
  ['Eva Lindqvist', 'staff', night],
  ['Stijn Brouwer', 'staff', night],
  ['Hana Sato', 'staff', night],
];

export function demoStaff(): DemoStaffMember[] {
  return crew.map(([name, role, shift]) => ({
    id: `staff-${name.toLowerCase().replace(/[^a-z]+/g, '-')}`,
    name,
    role,
    shift,
  }));
}

export function isOnDuty(member: DemoStaffMember, localMinutes: number): boolean {
  const { from, to } = member.shift;
  return from <= to ? localMinutes >= from && localMinutes < to : localMinutes >= from || localMinutes < to;
}

/** Who is around at a local time; everyone when nobody's shift covers it (a gap is still staffed). */
export function onDuty(staff: readonly DemoStaffMember[], localMinutes: number): DemoStaffMember[] {
  const here = staff.filter((member) => isOnDuty(member, localMinutes));
  return here.length > 0 ? here : [...staff];
}

/** Floor staff log most issues; coordinators sometimes, organizers rarely. */
export function pickReporter(random: Random, around: readonly DemoStaffMember[]): DemoStaffMember {
  const weights = { staff: 1, coordinator: 0.25, organizer: 0.03 };
  const total = around.reduce((sum, m) => sum + weights[m.role], 0);
  let roll = random.next() * total;
  for (const member of around) {
    roll -= weights[member.role];
    if (roll < 0) return member;
  }
  return around[around.length - 1]!;
}

export function pickOfRole(
  random: Random,
  around: readonly DemoStaffMember[],
  role: StaffMember['role'],
  fallback: readonly DemoStaffMember[],
): DemoStaffMember {
  const matching = around.filter((m) => m.role === role);
  return random.pick(matching.length > 0 ? matching : fallback.filter((m) => m.role === role));
}
