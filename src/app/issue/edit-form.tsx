import { useState } from 'preact/hooks';
import { type Issue, type Severity, severities } from '../../domain/issue';
import { hasContactDetails } from '../../domain/personal-data';
import { canReadContactDetails } from '../../domain/staff';
import { textLimits } from '../../domain/text-limits';
import { makeChange } from '../changes';
import { AttendeeFields } from '../components/attendee-fields';
import { ChangeForm } from '../components/change-form';
import { ContactPrompt } from '../components/contact-prompt';
import { SelectField, TextArea, TextField } from '../components/fields';
import { t } from '../i18n/messages';
import { severityLabels } from '../labels';
import { useSession } from '../session';
import { heldByCoordinators, mayShowContact } from './attendee-contact';
import { changedFields, type EditState, stateOf } from './edit-form-state';

export function EditForm({ issue }: { issue: Issue }) {
  const session = useSession();
  const { event } = session;
  const [before, setBefore] = useState(() => stateOf(issue));
  const [form, setForm] = useState(before);
  const mayShow = mayShowContact(issue, canReadContactDetails(session.role), session.staff.current?.id ?? null);
  const update = (patch: Partial<EditState>) => setForm({ ...form, ...patch });
  // A staff phone's copy shows what the coordinators hold as [contact] or [attendee]: saving an
  // edited summary or details sends the text as shown, marks included.
  const replacesHeld = (['summary', 'details'] as const).some(
    (key) => before[key] !== form[key] && /\[(contact|attendee)\]/.test(before[key]),
  );

  return (
    <ChangeForm
      label={t('Edit details')}
      submitLabel={t('Save changes')}
      onSaved={() => setBefore(form)}
      onSubmit={() => makeChange(session, 'updateFields', { issueId: issue.id, fields: changedFields(before, form) })}
    >
      <SelectField
        label={t('Category')}
        value={form.category}
        options={event.categories.map((c) => ({ value: c.id, label: t(c.label) }))}
        onChange={(category) => update({ category })}
      />
      <SelectField
        label={t('Severity')}
        value={form.severity}
        options={severities.map((s) => ({ value: s, label: severityLabels[s] }))}
        onChange={(severity) => update({ severity: severity as Severity })}
      />
      <SelectField
        label={t('Zone')}
        value={form.zoneId}
        options={[{ value: '', label: t('Not known') }, ...event.zones.map((z) => ({ value: z.id, label: t(z.name) }))]}
        onChange={(zoneId) => update({ zoneId })}
      />
      <TextField
        label={t('Exact location')}
        value={form.location}
        maxLength={textLimits.location}
        onInput={(location) => update({ location })}
      />
      <TextArea
        label={t('Summary')}
        value={form.summary}
        maxLength={textLimits.summary}
        onInput={(summary) => update({ summary })}
        required
        rows={2}
      />
      <TextArea
        label={t('Details')}
        value={form.details}
        maxLength={textLimits.details}
        onInput={(details) => update({ details })}
      />
      {replacesHeld && (
        <p class="message message--warning">
          {t('Parts shown as [contact] or [attendee] are held by the coordinators; saving replaces them with those marks.')}
        </p>
      )}
      <ContactPrompt
        sources={[
          { key: 'summary', text: form.summary },
          { key: 'details', text: form.details },
        ]}
        current={form}
        onMove={mayShow ? (found) => update({ [found.kind]: found.value, [found.key]: found.rest }) : undefined}
        afterMove={<p>{t('Ask for their consent below, under Attendee contact, and save the changes.')}</p>}
      />
      {mayShow ? (
        <AttendeeFields value={form} onChange={update} event={event} />
      ) : (
        // Never an empty contact form on a copy the details were withheld from: staff would take
        // it for "nobody took them". Nothing here is sent for the contact fields, so the
        // coordinators' copy stays as it is.
        <p class="muted">
          {issue.contactWithheld || hasContactDetails(issue.attendee)
            ? t('{held}: this phone does not show them, and saving here leaves them as they are.', { held: heldByCoordinators() })
            : t('Attendee contact details are visible to coordinators and to the person who logged the issue.')}
        </p>
      )}
    </ChangeForm>
  );
}
