import { AppError } from '../../domain/app-error';
import { type ItemCategory, itemCategories, type LostPropertyKind } from '../../domain/lost-property';
import { itemPhrase } from '../../domain/lost-property-mutators';
import type { AttendeeValues } from '../components/attendee-fields';
import { t } from '../i18n/messages';
import { saidValue } from '../i18n/said';
import { lostPropertyCategory } from './use-lost-property';

/** The lost-property form as typed: kept as a draft so a closed tab loses nothing. */
export interface ItemFormState extends AttendeeValues {
  category: ItemCategory | '';
  colour: string;
  brand: string;
  marks: string;
  zoneId: string;
  place: string;
  /** A datetime-local value ("2026-07-10T14:05"), in the phone's time; '' when unknown. */
  when: string;
  storage: string;
}

export const itemDraftKey = (kind: LostPropertyKind) => `lost-property-${kind}`;

/** The phone's time now as a datetime-local value. */
export function localNow(now = new Date()): string {
  const shifted = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** A new form; a lost report's attendee starts at the festival's language, as a new issue's does. */
export function emptyItemForm(kind: LostPropertyKind, festivalLanguage: string, now = new Date()): ItemFormState {
  return {
    category: '',
    colour: '',
    brand: '',
    marks: '',
    zoneId: '',
    place: '',
    when: kind === 'found' ? localNow(now) : '',
    storage: '',
    name: '',
    email: '',
    phone: '',
    ticketId: '',
    preferredChannel: '',
    language: kind === 'lost' ? festivalLanguage : '',
    consentGiven: false,
  };
}

export function itemFormFromDraft(
  kind: LostPropertyKind,
  draft: Record<string, unknown> | undefined,
  festivalLanguage: string,
): ItemFormState {
  const empty = emptyItemForm(kind, festivalLanguage);
  if (!draft) return empty;
  const form = { ...empty };
  for (const key of Object.keys(empty) as (keyof ItemFormState)[]) {
    const value = draft[key];
    if (typeof value === typeof empty[key]) (form as Record<string, unknown>)[key] = value;
  }
  if (form.category !== '' && !itemCategories.includes(form.category)) form.category = '';
  return form;
}

/** The createIssue arguments of a found item or a lost report. */
export function createItemArgs(
  kind: LostPropertyKind,
  form: ItemFormState,
  id: string,
  eventId: string,
  festivalLanguage: string,
) {
  if (form.category === '') throw new AppError('invalid', t('What kind of item is it? Choose one.'));
  const item = { category: form.category, colour: form.colour.trim(), brand: form.brand.trim(), marks: form.marks.trim() };
  const at = form.when ? new Date(form.when).toISOString() : null;
  // The summary is written in the language of the person logging it, as one they typed would be.
  const title = saidValue(itemPhrase(item));
  const place = form.place.trim();
  const said =
    kind === 'found'
      ? place
        ? t('Found {item} at {place}', { item: title, place })
        : t('Found {item}', { item: title })
      : place
        ? t('Lost {item} at {place}', { item: title, place })
        : t('Lost {item}', { item: title });
  const summary = said.slice(0, 200);
  // The festival's language, where the form starts, makes no attendee on its own.
  const heardOtherLanguage = form.language !== '' && form.language !== festivalLanguage;
  const hasContact = Boolean(form.name || form.email || form.phone || form.ticketId || heardOtherLanguage);
  return {
    id,
    eventId,
    category: lostPropertyCategory,
    summary,
    zoneId: form.zoneId || null,
    location: place,
    ...(kind === 'lost' && hasContact
      ? {
          attendee: {
            name: form.name,
            email: form.email,
            phone: form.phone,
            ticketId: form.ticketId,
            preferredChannel: form.preferredChannel === '' ? null : form.preferredChannel,
            ...(form.language ? { language: form.language } : {}),
          },
          consentGiven: form.consentGiven,
        }
      : {}),
    lostProperty: {
      kind,
      item,
      place,
      at,
      ...(kind === 'found' && form.storage.trim() ? { storage: form.storage.trim() } : {}),
    },
  };
}
