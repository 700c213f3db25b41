import { useState } from 'preact/hooks';
import { AppError } from '../../domain/app-error';
import type { FestivalEvent, Zone } from '../../domain/event';
import { type FestivalLanguage, festivalLanguageOf } from '../../domain/festival-language';
import { type Severity, severities } from '../../domain/issue';
import { keepDaysOf, maxKeepDays } from '../../domain/lost-property-keeping';
import { parseClock } from '../../domain/operational-day';
import { maxRetentionDays, retentionDaysOf } from '../../domain/personal-data';
import { sameValue } from '../../domain/same-value';
import { makeEventChange } from '../changes';
import { ChangeForm } from '../components/change-form';
import { SelectField, TextArea, TextField } from '../components/fields';
import { endonyms, staffLocales } from '../i18n/locales';
import { t } from '../i18n/messages';
import { said } from '../i18n/said';
import { formatWhen, severityLabels } from '../labels';
import { useSession } from '../session';

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'zone'
  );
}

/** Keeps zone ids stable, so issues stay in their zone when it is renamed in place. */
function zoneIdFor(name: string, line: number, names: string[], current: Zone[], taken: Set<string>): string {
  const sameName = current.find((z) => z.name === name);
  if (sameName) return sameName.id;
  const sameLine = current[line];
  if (sameLine && !names.includes(sameLine.name) && !taken.has(sameLine.id)) return sameLine.id;
  let id = slug(name);
  for (let n = 2; taken.has(id) || current.some((z) => z.id === id && z.name !== name); n += 1) id = `${slug(name)}-${n}`;
  return id;
}

function zonesFrom(text: string, current: Zone[]): Zone[] {
  const names = [
    ...new Set(
      text
        .split('\n')
        .map((z) => z.trim())
        .filter(Boolean),
    ),
  ];
  const taken = new Set<string>();
  return names.map((name, line) => {
    const id = zoneIdFor(name, line, names, current, taken);
    taken.add(id);
    return { id, name };
  });
}

const timezones: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

function targetText(minutes: number | null): string {
  return minutes === null ? '' : String(minutes);
}

/** The settings form's fields, as text. */
interface SettingsForm {
  name: string;
  timezone: string;
  language: FestivalLanguage;
  dayStartsAt: string;
  zones: string;
  targets: Record<Severity, string>;
  retentionDays: string;
  keepDays: string;
}

function formOf(event: FestivalEvent): SettingsForm {
  return {
    name: event.name,
    timezone: event.timezone,
    language: festivalLanguageOf(event),
    dayStartsAt: event.dayStartsAt,
    zones: event.zones.map((z) => z.name).join('\n'),
    targets: Object.fromEntries(severities.map((s) => [s, targetText(event.responseTargets[s])])) as Record<Severity, string>,
    retentionDays: String(retentionDaysOf(event)),
    keepDays: String(keepDaysOf(event)),
  };
}

function targetFrom(text: string, severity: Severity): number | null {
  if (text.trim() === '') return null;
  const minutes = Number(text);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 24 * 60) {
    throw new AppError(
      'invalid',
      t('The {severity} response target must be whole minutes (1–1440), or empty for the same day.', {
        severity: severityLabels[severity].toLowerCase(),
      }),
    );
  }
  return minutes;
}

/**
 * Coordinators and organizers set the festival's name, clock, zones and response targets. Each
 * save is a named change that syncs like any other: the server applies it in its order and every
 * phone files its queue again under the new settings.
 */
export function EventSettings() {
  const session = useSession();
  const { event } = session;
  // Only what the person typed is kept here; every other field shows the settings as they are
  // now, so changes another coordinator made arrive in the open form.
  const [edited, setEdited] = useState<Partial<SettingsForm>>({});
  const {
    name,
    timezone,
    language,
    dayStartsAt,
    zones,
    targets,
    retentionDays,
    keepDays: itemDays,
  } = {
    ...formOf(event),
    ...edited,
  };
  const isOrganizer = session.role === 'organizer';
  const edit = (patch: Partial<SettingsForm>) => setEdited({ ...edited, ...patch });
  const zoneOptions = timezones.includes(event.timezone) ? timezones : [event.timezone, ...timezones];

  return (
    <>
      <ChangeForm
        label={t('Festival settings')}
        submitLabel={t('Save festival settings')}
        savedMessage={t('Saved on this phone; every phone gets it when it syncs.')}
        onSaved={() => setEdited({})}
        onSubmit={async () => {
          if (!name.trim()) throw new AppError('invalid', t('The festival needs a name.'));
          try {
            parseClock(dayStartsAt);
          } catch {
            throw new AppError('invalid', t('The day start must be a time like 06:00.'));
          }
          const responseTargets = Object.fromEntries(
            severities.map((s) => [s, targetFrom(targets[s], s)]),
          ) as FestivalEvent['responseTargets'];
          const nextZones = zonesFrom(zones, event.zones);
          if (nextZones.length === 0) throw new AppError('invalid', t('The festival needs at least one zone.'));
          const keepDays = Number(retentionDays);
          if (isOrganizer && (!Number.isInteger(keepDays) || keepDays < 1 || keepDays > maxRetentionDays)) {
            throw new AppError(
              'invalid',
              t('Keep attendee personal data for whole days, 1 to {max}.', { max: maxRetentionDays }),
            );
          }
          const lostPropertyKeepDays = Number(itemDays);
          if (
            isOrganizer &&
            (!Number.isInteger(lostPropertyKeepDays) || lostPropertyKeepDays < 1 || lostPropertyKeepDays > maxKeepDays)
          ) {
            throw new AppError('invalid', t('Keep unclaimed lost property for whole days, 1 to {max}.', { max: maxKeepDays }));
          }
          await makeEventChange(session, 'changeEventSettings', {
            name: name.trim(),
            timezone,
            // Sent once someone picks it: an event that never chose keeps following its timezone.
            ...(edited.language !== undefined ? { language } : {}),
            dayStartsAt,
            responseTargets,
            ...(isOrganizer ? { retentionDays: keepDays, lostPropertyKeepDays } : {}),
          });
          if (!sameValue(nextZones, event.zones)) await makeEventChange(session, 'setZones', { zones: nextZones });
        }}
      >
        <TextField label={t('Festival name')} value={name} onInput={(value) => edit({ name: value })} required />
        <SelectField
          label={t('Timezone')}
          value={timezone}
          options={zoneOptions.map((z) => ({ value: z, label: z }))}
          onChange={(value) => edit({ timezone: value })}
        />
        <SelectField
          label={t('Language of the festival')}
          hint={t(
            'Helptent opens in it for anyone whose browser speaks none of its languages, and follow-ups use it when an attendee’s language is not known.',
          )}
          value={language}
          options={staffLocales.map((locale) => ({ value: locale, label: endonyms[locale], lang: locale }))}
          onChange={(value) => edit({ language: value as FestivalLanguage })}
        />
        <TextField
          label={t('Festival day starts at')}
          hint={t('Issues logged before this time count for the day before (night shifts).')}
          type="time"
          value={dayStartsAt}
          onInput={(value) => edit({ dayStartsAt: value })}
        />
        <TextArea
          label={t('Zones, one per line')}
          hint={t('Rename a zone on its own line and its issues stay in it. A zone that still has issues cannot be removed.')}
          rows={6}
          value={zones}
          onInput={(value) => edit({ zones: value })}
        />
        {isOrganizer && (
          <TextField
            label={t('Keep attendee personal data (days after the last festival day)')}
            hint={t('Then names, emails and phone numbers are removed from the server and every phone; figures stay.')}
            inputMode="numeric"
            value={retentionDays}
            onInput={(value) => edit({ retentionDays: value })}
          />
        )}
        {isOrganizer && (
          <TextField
            label={t('Keep unclaimed lost property (days after the last festival day)')}
            hint={t('Then the lost-property register lets staff post or dispose of what nobody collected.')}
            inputMode="numeric"
            value={itemDays}
            onInput={(value) => edit({ keepDays: value })}
          />
        )}
        <fieldset class="targets">
          <legend>{t('First response within (minutes; empty = the same day)')}</legend>
          {severities.map((s) => (
            <TextField
              key={s}
              label={severityLabels[s]}
              inputMode="numeric"
              value={targets[s]}
              onInput={(value) => edit({ targets: { ...targets, [s]: value } })}
            />
          ))}
        </fieldset>
      </ChangeForm>
      <EventChanges />
    </>
  );
}

/** The event's own timeline: who changed the settings, and what. */
function EventChanges() {
  const { event } = useSession();
  const changes = [...(event.changes ?? [])].reverse().slice(0, 10);
  if (changes.length === 0) return null;
  return (
    <section aria-labelledby="event-changes-title">
      <h3 id="event-changes-title">{t('Recent changes to the settings')}</h3>
      <ul class="timeline" data-testid="event-changes">
        {changes.map((change) => (
          <li key={change.id}>
            <span class="muted">
              {formatWhen(change.at, event.timezone)} · {change.by.name}
            </span>
            <br />
            {change.phrases ? change.phrases.map(said).join('; ') : change.text.replace(/^Festival settings: /, '')}
          </li>
        ))}
      </ul>
    </section>
  );
}
