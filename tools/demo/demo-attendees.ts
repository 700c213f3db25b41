import type { Attendee, ContactChannel } from '../../src/domain/issue';
import type { Random } from './seeded-random';

const firstNames = [
  'Anna',
  'Bas',
  'Chloé',
  'Dirk',
  'Elif',
  'Finn',
  'Greta',
  'Hugo',
  'Ines',
  'Jesse',
  'Kim',
  'Luca',
  'Mila',
  'Niels',
  'Olga',
  'Pim',
  'Quinn',
  'Rosa',
  'Sven',
  'Tess',
  'Umar',
  'Vera',
  'Wout',
  'Xena',
  'Youssef',
  'Zoë',
];
const lastNames = ['Example', 'Testing', 'Placeholder', 'Demo', 'Sample', 'Fictional', 'Mock', 'Specimen', 'Dummy', 'Pretend'];
const ticketAlphabet = 'ACDEFGHJKLMNPQRTUVWXY3479';

export interface DemoAttendee {
  attendee: Attendee;
  /** Only someone who left a way to reach them can be asked for follow-up consent. */
  isReachable: boolean;
}

function ticketId(random: Random): string {
  let id = 'WB-';
  for (let i = 0; i < 7; i += 1) id += ticketAlphabet[random.int(0, ticketAlphabet.length - 1)];
  return id;
}

/**
 * An obviously fake attendee: surnames like "Example", addresses at example.org (reserved for
 * documentation) and phone numbers from Ofcom's +44 7700 900xxx range kept free for drama.
 */
export function demoAttendee(random: Random, leavesContact: boolean, needsTicket: boolean): DemoAttendee {
  const first = random.pick(firstNames);
  const last = random.pick(lastNames);
  const ticket = needsTicket || random.chance(0.4) ? ticketId(random) : '';
  if (!leavesContact) {
    // Staff often note a first name so the next person can call the attendee over.
    return {
      attendee: { name: random.chance(0.35) ? first : '', email: '', phone: '', ticketId: ticket, preferredChannel: null },
      isReachable: false,
    };
  }
  const hasEmail = random.chance(0.8);
  const hasPhone = !hasEmail || random.chance(0.5);
  const email = hasEmail
    ? `${first}.${last}.${random.int(1, 999)}@example.org`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^\x20-\x7e]/g, '')
    : '';
  const phone = hasPhone ? `+44 7700 900${String(random.int(0, 999)).padStart(3, '0')}` : '';
  const channels: ContactChannel[] = [
    ...(hasEmail ? (['email'] as const) : []),
    ...(hasPhone ? (['phone', 'sms'] as const) : []),
  ];
  return {
    attendee: {
      name: `${first} ${last}`,
      email,
      phone,
      ticketId: ticket,
      preferredChannel: random.chance(0.7) ? random.pick(channels) : null,
    },
    isReachable: true,
  };
}
