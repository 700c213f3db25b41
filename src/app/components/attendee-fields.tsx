import type { ComponentChildren } from 'preact';
import type { FestivalEvent } from '../../domain/event';
import { contactChannels } from '../../domain/issue';
import { attendeeLanguages, endonyms } from '../i18n/locales';
import { t } from '../i18n/messages';
import { channelLabels } from '../labels';
import { CheckboxField, SelectField, TextField } from './fields';

/** "Read this to them": the consent question, in the words the attendee hears. */
export function readThisToThem(): string {
  return t(
    'Read this to them: “May we contact you after the festival about this? We will only use your details for this issue and delete them after the event.”',
  );
}

export interface AttendeeValues {
  name: string;
  email: string;
  phone: string;
  ticketId: string;
  /** '' for no preference. */
  preferredChannel: string;
  /** The language they spoke ('' when not asked). */
  language: string;
  consentGiven: boolean;
}

/** The attendee's contact and the consent question, the same when logging and when editing. */
export function AttendeeFields({
  value,
  onChange,
  event,
  children,
}: {
  value: AttendeeValues;
  /** The festival: its language comes first in the list of languages. */
  event: Pick<FestivalEvent, 'timezone' | 'language'>;
  onChange: (patch: Partial<AttendeeValues>) => void;
  children?: ComponentChildren;
}) {
  return (
    <fieldset class="group">
      <legend>{t('Attendee contact')}</legend>
      <TextField label={t('Name')} autoComplete="off" value={value.name} onInput={(name) => onChange({ name })} />
      <TextField label={t('Email')} type="email" inputMode="email" value={value.email} onInput={(email) => onChange({ email })} />
      <TextField label={t('Phone')} type="tel" inputMode="tel" value={value.phone} onInput={(phone) => onChange({ phone })} />
      <TextField label={t('Wristband or ticket number')} value={value.ticketId} onInput={(ticketId) => onChange({ ticketId })} />
      <SelectField
        label={t('Prefers to be reached by')}
        value={value.preferredChannel}
        options={[
          { value: '', label: t('No preference') },
          ...contactChannels.map((c) => ({ value: c, label: channelLabels[c] })),
        ]}
        onChange={(preferredChannel) => onChange({ preferredChannel })}
      />
      <SelectField
        label={t('Language they speak')}
        hint={t('Their follow-up is written in it.')}
        value={value.language}
        options={[
          { value: '', label: t('Not asked') },
          ...attendeeLanguages(event).map((locale) => ({ value: locale, label: endonyms[locale], lang: locale })),
        ]}
        onChange={(language) => onChange({ language })}
      />
      <CheckboxField
        label={t('The attendee agrees to be contacted about this issue after the event')}
        hint={readThisToThem()}
        checked={value.consentGiven}
        onChange={(consentGiven) => onChange({ consentGiven })}
      />
      {children}
    </fieldset>
  );
}
