import { alertKindLabels } from './alert-rules';
import type { FestivalLanguage } from './festival-language';
import { moods, outreachStates, publicRiskLabels, severities, statusLabels } from './issue';
import type { idKinds, itemCategories } from './lost-property';
import { fieldNames } from './merged-fields';
import type { CodeKind } from './phrase';
import { roles } from './staff';

const same = <K extends string>(codes: readonly K[]): Record<K, string> =>
  Object.fromEntries(codes.map((c) => [c, c])) as unknown as Record<K, string>;

/**
 * The English word of each code inside a sentence, as the timeline has always written it; in
 * other languages each word is a message id of the catalog ("in progress" → "in behandeling").
 * Lower case where a sentence runs on ("attendee left delighted").
 */
export const codeWords: Record<Exclude<CodeKind, 'zone'>, Readonly<Record<string, string>>> = {
  status: statusLabels,
  mood: same(moods),
  publicRisk: publicRiskLabels,
  outreach: same(outreachStates),
  field: fieldNames,
  severity: same(severities),
  itemCategory: {
    phone: 'phone',
    wallet: 'wallet or purse',
    keys: 'keys',
    bag: 'bag',
    id_card: 'id or card',
    glasses: 'glasses',
    jewellery: 'jewellery',
    clothing: 'clothing',
    other: 'other',
  } satisfies Record<(typeof itemCategories)[number], string>,
  idKind: {
    passport: 'passport',
    id_card: 'id card',
    driving_licence: 'driving licence',
    ticket_wristband: 'ticket wristband',
    bank_card: 'bank card',
    other: 'other',
  } satisfies Record<(typeof idKinds)[number], string>,
  alertKind: alertKindLabels,
  alertKindWord: {
    urgent: 'urgent issue',
    'lost-person': 'lost person',
    'medical-welfare': 'medical or welfare',
    'public-risk': 'public risk',
    'overdue-unowned': 'waiting too long, no owner',
    handover: 'handed over to you',
  } satisfies Record<keyof typeof alertKindLabels, string>,
  role: same(roles),
  language: {
    en: 'English',
    nl: 'Dutch',
    de: 'German',
    fr: 'French',
    es: 'Spanish',
  } satisfies Record<FestivalLanguage, string>,
  alertRecipients: {
    staff: 'staff and coordinators',
    coordinator: 'coordinators',
    organizer: 'organizers',
  } satisfies Record<(typeof roles)[number], string>,
};

/** The English word of a code; an unknown code (from a newer server) is shown as it is. */
export function wordOf(of: string, value: string): string | undefined {
  // A zone's name is its own word: the catalog knows the default zones by their English names.
  if (of === 'zone') return value;
  const words = (codeWords as Record<string, Readonly<Record<string, string>> | undefined>)[of];
  return words && Object.hasOwn(words, value) ? words[value] : undefined;
}
