import { useState } from 'preact/hooks';
import { saveEvent } from '../../db/event-repository';
import { AppError } from '../../domain/app-error';
import type { Zone } from '../../domain/event';
import { parseClock } from '../../domain/operational-day';
import { ChangeForm } from '../components/change-form';
import { SelectField, TextArea, TextField } from '../components/fields';
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
function zoneIdFor(name: string, line: number, names: string[], current: Zone[]): string {
  const sameName = current.find((z) => z.name === name);
  if (sameName) return sameName.id;
  const sameLine = current[line];
  if (sameLine && !names.includes(sameLine.name)) return sameLine.id;
  return slug(name);
}

const timezones: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** Coordinators set the event's clock and zones; every queue row is re-filed when they change. */
export function EventSettings() {
  const session = useSession();
  const { event } = session;
  const [name, setName] = useState(event.name);
  const [timezone, setTimezone] = useState(event.timezone);
  const [dayStartsAt, setDayStartsAt] = useState(event.dayStartsAt);
  const [zones, setZones] = useState(event.zones.map((z) => z.name).join('\n'));
  const zoneOptions = timezones.includes(event.timezone) ? timezones : [event.timezone, ...timezones];

  return (
    <ChangeForm
      label="Festival settings"
      submitLabel="Save festival settings"
      onSubmit={async () => {
        if (!name.trim()) throw new AppError('invalid', 'The festival needs a name.');
        try {
          parseClock(dayStartsAt);
        } catch {
          throw new AppError('invalid', 'The day start must be a time like 06:00.');
        }
        const names = [
          ...new Set(
            zones
              .split('\n')
              .map((z) => z.trim())
              .filter(Boolean),
          ),
        ];
        const nextZones = names.map((zoneName, i) => ({ id: zoneIdFor(zoneName, i, names, event.zones), name: zoneName }));
        await saveEvent(session.db, { ...event, name: name.trim(), timezone, dayStartsAt, zones: nextZones });
      }}
    >
      <TextField label="Festival name" value={name} onInput={setName} required />
      <SelectField
        label="Timezone"
        value={timezone}
        options={zoneOptions.map((z) => ({ value: z, label: z }))}
        onChange={setTimezone}
      />
      <TextField
        label="Festival day starts at"
        hint="Issues logged before this time count for the day before (night shifts)."
        type="time"
        value={dayStartsAt}
        onInput={setDayStartsAt}
      />
      <TextArea label="Zones, one per line" rows={6} value={zones} onInput={setZones} />
    </ChangeForm>
  );
}
