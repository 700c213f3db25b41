import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { textLimits } from '../../domain/text-limits';
import { errorMessage, makeChange, newId } from '../changes';
import { SelectField, TextArea, TextField } from '../components/fields';
import { Screen } from '../components/screen';
import { StaffPicker } from '../components/staff-picker';
import { t } from '../i18n/messages';
import { localNow } from '../lost-property/item-form-state';
import { useSession } from '../session';

const empty = { name: '', age: '', clothing: '', lastSeenPlace: '', lastSeenAt: '', lookingForThem: '', zoneId: '' };

/**
 * A lost person, logged as an urgent case with the description every phone on duty receives
 * with the alert. Short on purpose: every second counts, details can follow on the issue.
 */
export function LostPersonFormScreen() {
  const session = useSession();
  const { route } = useLocation();
  const [form, setForm] = useState({ ...empty, lastSeenAt: localNow() });
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  if (!session.staff.current) {
    return (
      <Screen title={t('Lost person')}>
        <StaffPicker />
      </Screen>
    );
  }
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    const id = newId();
    try {
      const description = {
        name: form.name.trim(),
        age: form.age.trim(),
        clothing: form.clothing.trim(),
        lastSeenPlace: form.lastSeenPlace.trim(),
        lastSeenAt: form.lastSeenAt ? new Date(form.lastSeenAt).toISOString() : null,
        lookingForThem: form.lookingForThem.trim(),
      };
      await makeChange(session, 'createIssue', {
        id,
        eventId: session.event.id,
        category: 'lost-person',
        severity: 'urgent',
        // The name stays in the description, which phones stop receiving when the case ends.
        summary: (description.age ? t('Lost person, {age}', { age: description.age }) : t('Lost person')).slice(0, 200),
        zoneId: form.zoneId || null,
        location: description.lastSeenPlace,
        lostPerson: description,
      });
      route(`/issues/${id}?saved=lost-person`);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  };
  return (
    <Screen title={t('Lost person')}>
      <form class="capture" aria-label={t('Lost person')} onSubmit={(e) => void save(e)} noValidate>
        <p class="field__hint">
          {t('Every phone on duty gets this description at once. Add a photo on the next screen if you have one.')}
        </p>
        <TextField label={t('Name')} value={form.name} onInput={(name) => update({ name })} />
        <TextField label={t('Age')} value={form.age} onInput={(age) => update({ age })} />
        <TextArea
          label={t('Clothing and looks')}
          rows={2}
          maxLength={textLimits.clothing}
          value={form.clothing}
          onInput={(clothing) => update({ clothing })}
        />
        <SelectField
          label={t('Area last seen')}
          value={form.zoneId}
          options={[{ value: '', label: t('Not sure') }, ...session.event.zones.map((z) => ({ value: z.id, label: t(z.name) }))]}
          onChange={(zoneId) => update({ zoneId })}
        />
        <TextField
          label={t('Last seen where exactly')}
          value={form.lastSeenPlace}
          onInput={(lastSeenPlace) => update({ lastSeenPlace })}
        />
        <TextField
          label={t('Last seen when')}
          type="datetime-local"
          value={form.lastSeenAt}
          onInput={(lastSeenAt) => update({ lastSeenAt })}
        />
        <TextField
          label={t('Who is looking for them')}
          value={form.lookingForThem}
          onInput={(lookingForThem) => update({ lookingForThem })}
        />
        <button type="submit" class="button button--primary button--wide" disabled={busy}>
          {t('Alert everyone on duty')}
        </button>
        {failure && (
          <p class="message message--error" role="alert">
            {failure}
          </p>
        )}
      </form>
    </Screen>
  );
}
