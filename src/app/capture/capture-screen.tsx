import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { lazy } from 'preact-iso';
import { readDraft } from '../../db/draft-repository';
import { readRecentCategories, rememberCategory } from '../../db/recent-categories';
import { festivalLanguageOf } from '../../domain/festival-language';
import { moods, publicRiskLevels, severities, sources } from '../../domain/issue';
import { textLimits } from '../../domain/text-limits';
import { errorMessage, makeChange, newId } from '../changes';
import { AttendeeFields } from '../components/attendee-fields';
import { CheckboxField, ChoiceTiles, LengthLeft, SelectField, TextArea, TextField } from '../components/fields';
import { LazyContactPrompt } from '../components/lazy-contact-prompt';
import { Screen } from '../components/screen';
import { t } from '../i18n/messages';
import { moodLabels, riskLabels, severityLabels, sourceLabels } from '../labels';
import { useSession } from '../session';
import { useLiveQuery } from '../use-live-query';
import {
  type CaptureFormState,
  captureDraftKey,
  captureFromDraft,
  createIssueArgs,
  freshCapture,
  isEmptyCapture,
} from './capture-form-state';
import { createDraftWriter } from './draft-writer';

// Only a phone nobody has named yet shows the picker: a joined phone knows its person.
const StaffPicker = lazy(() => import('../components/staff-picker').then((m) => m.StaffPicker));

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'saved'; id: string; summary: string }
  | { kind: 'failed'; message: string };

function useRecentCategories(): string[] {
  const { db, staff } = useSession();
  const me = staff.current?.id;
  return useLiveQuery(async () => (me ? readRecentCategories(db, me) : []), [db, me]).data ?? [];
}

export function CaptureScreen() {
  const session = useSession();
  if (!session.staff.current) {
    return (
      <Screen title={t('Log an issue')}>
        <p>{t('Before logging, tell Helptent who you are. Your name goes on every issue you log.')}</p>
        <StaffPicker />
      </Screen>
    );
  }
  return (
    <Screen title={t('Log an issue')}>
      <CaptureForm />
    </Screen>
  );
}

function CaptureForm() {
  const session = useSession();
  const { db, event } = session;
  const [form, setForm] = useState<CaptureFormState | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const summaryRef = useRef<HTMLTextAreaElement>(null);
  const recent = useRecentCategories();
  const [draftProblem, setDraftProblem] = useState<string | null>(null);
  const [moreOpened, setMoreOpened] = useState(false);
  const writeDraft = useMemo(() => createDraftWriter(db, captureDraftKey, setDraftProblem), [db]);
  const festivalLanguage = festivalLanguageOf(event);

  useEffect(() => {
    void readDraft(db, captureDraftKey).then((draft) => setForm(captureFromDraft(draft, festivalLanguage)));
    // The draft is read once; a language chosen for the festival meanwhile applies to the next issue.
  }, [db]);

  const update = (patch: Partial<CaptureFormState>) => {
    if (!form) return;
    const next = { ...form, ...patch };
    setForm(next);
    // Written on every change, not debounced: a tab killed a moment later keeps the text.
    writeDraft(next as unknown as Record<string, unknown>);
  };

  if (!form) return <p class="loading">{t('Opening the form…')}</p>;

  const categoryOptions = [
    ...recent.map((id) => event.categories.find((c) => c.id === id)).filter((c) => c !== undefined),
    ...event.categories.filter((c) => !recent.includes(c.id)),
  ].map((c) => ({ value: c.id, label: t(c.label) }));

  const save = async (e: Event) => {
    e.preventDefault();
    setOutcome({ kind: 'busy' });
    const id = newId();
    try {
      await makeChange(session, 'createIssue', createIssueArgs(form, id, event.id, festivalLanguage), {
        clearDraftKey: captureDraftKey,
      });
      const me = session.staff.current?.id;
      // Saved already; the shortcut list is a convenience, so a failure to note it is ignored.
      if (me && form.category) await rememberCategory(db, me, form.category).catch(() => undefined);
      setOutcome({ kind: 'saved', id, summary: form.summary.trim() });
      setForm(freshCapture(festivalLanguage));
      window.scrollTo({ top: 0 });
    } catch (error) {
      setOutcome({ kind: 'failed', message: errorMessage(error) });
    }
  };

  const hasMore = !isEmptyCapture({ ...form, category: '', summary: '' }, festivalLanguage);
  return (
    <form class="capture" aria-label={t('Log an issue')} onSubmit={(e) => void save(e)} noValidate>
      {draftProblem && (
        <p class="message message--error" role="alert" data-testid="draft-problem">
          {draftProblem}
        </p>
      )}
      <div class="capture__outcome">
        {outcome.kind === 'saved' && (
          <p class="message message--ok" role="status">
            {t('Saved on this phone: “{summary}”.', { summary: outcome.summary })}{' '}
            <a href={`/issues/${outcome.id}`}>{t('Open it')}</a>
          </p>
        )}
        {outcome.kind === 'failed' && (
          <p class="message message--error" role="alert">
            {outcome.message}
          </p>
        )}
      </div>
      <ChoiceTiles
        legend={t('Category')}
        compact
        value={form.category}
        options={categoryOptions}
        required
        onChange={(category) => {
          update({ category });
          summaryRef.current?.focus();
        }}
      />
      {form.category === 'lost-person' && (
        <p class="message message--warning">
          <a href="/lost-person/new">{t('Use the lost-person form')}</a>
          {t(': every phone on duty gets the description at once.')}
        </p>
      )}
      {form.category === 'lost-property' && (
        <p class="message message--info">
          {t('The lost-property forms find matches and keep the item’s custody:')}{' '}
          <a href="/lost-property/new/found">{t('found item')}</a> · <a href="/lost-property/new/lost">{t('lost report')}</a>
        </p>
      )}
      <div class="field">
        <label for="capture-summary">
          {t('What happened?')} <span class="field__required">{t('(required)')}</span>
        </label>
        <textarea
          id="capture-summary"
          ref={summaryRef}
          rows={2}
          value={form.summary}
          required
          maxLength={textLimits.summary}
          onInput={(e) => update({ summary: e.currentTarget.value })}
        />
        <LengthLeft value={form.summary} max={textLimits.summary} />
      </div>
      <button type="submit" class="button button--primary button--wide" disabled={outcome.kind === 'busy'}>
        {t('Save issue')}
      </button>
      <LazyContactPrompt
        sources={[
          { key: 'summary', text: form.summary },
          { key: 'details', text: form.details },
        ]}
        current={form}
        onMove={(found) => update({ [found.kind]: found.value, [found.key]: found.rest })}
        afterMove={<p>{t('Ask for their consent below, under Attendee contact.')}</p>}
      />

      <details
        class="capture__more"
        open={hasMore}
        onToggle={(e) => {
          if (e.currentTarget.open) setMoreOpened(true);
        }}
      >
        <summary>{t('More details (optional)')}</summary>
        {(hasMore || moreOpened) && <MoreDetails form={form} update={update} busy={outcome.kind === 'busy'} />}
      </details>
    </form>
  );
}

/**
 * What is under "More details": drawn the first time it opens (or when a restored draft holds
 * some of it), not with the form. It is most of the form, and staff often log without it: a
 * slow phone shows the three fields that matter sooner.
 */
function MoreDetails({
  form,
  update,
  busy,
}: {
  form: CaptureFormState;
  update: (patch: Partial<CaptureFormState>) => void;
  busy: boolean;
}) {
  const { event } = useSession();
  const hasAttendee = Boolean(form.attendeeName || form.email || form.phone || form.ticketId);
  return (
    <>
      <ChoiceTiles
        legend={t('Severity')}
        compact
        value={form.severity}
        options={severities.map((s) => ({ value: s, label: severityLabels[s] }))}
        onChange={(severity) => update({ severity: severity as CaptureFormState['severity'] })}
      />
      <SelectField
        label={t('Zone')}
        value={form.zoneId}
        options={[{ value: '', label: t('Not known') }, ...event.zones.map((z) => ({ value: z.id, label: t(z.name) }))]}
        onChange={(zoneId) => update({ zoneId })}
      />
      <TextField
        label={t('Exact location')}
        hint={t('e.g. left of the sound desk')}
        value={form.location}
        maxLength={textLimits.location}
        onInput={(location) => update({ location })}
      />
      <TextArea
        label={t('Details')}
        value={form.details}
        maxLength={textLimits.details}
        onInput={(details) => update({ details })}
      />
      <SelectField
        label={t('How it reached us')}
        value={form.sourceKind}
        options={sources.map((s) => ({ value: s, label: sourceLabels[s] }))}
        onChange={(sourceKind) => update({ sourceKind: sourceKind as CaptureFormState['sourceKind'] })}
      />
      {form.sourceKind === 'social' && (
        <TextField
          label={t('Link to the post')}
          type="url"
          inputMode="url"
          value={form.sourceLink}
          onInput={(sourceLink) => update({ sourceLink })}
        />
      )}
      <ChoiceTiles
        legend={t('Attendee’s mood now')}
        compact
        value={form.moodAtIntake}
        options={moods.map((m) => ({ value: m, label: moodLabels[m] }))}
        onChange={(mood) => update({ moodAtIntake: mood as CaptureFormState['moodAtIntake'] })}
      />
      <fieldset class="group">
        <legend>{t('Public risk')}</legend>
        <SelectField
          label={t('Could this go public?')}
          value={form.publicRisk}
          options={publicRiskLevels.map((r) => ({ value: r, label: riskLabels[r] }))}
          onChange={(publicRisk) => update({ publicRisk: publicRisk as CaptureFormState['publicRisk'] })}
        />
        {form.publicRisk !== 'none' && (
          <CheckboxField
            label={t('Tell the comms team now')}
            checked={form.escalateToComms}
            onChange={(escalateToComms) => update({ escalateToComms })}
          />
        )}
      </fieldset>
      <AttendeeFields
        value={{ ...form, name: form.attendeeName }}
        event={event}
        onChange={({ name, ...patch }) =>
          update({ ...patch, ...(name === undefined ? {} : { attendeeName: name }) } as Partial<CaptureFormState>)
        }
      >
        {form.consentGiven && !hasAttendee && (
          <p class="message message--warning">{t('Add a name and an email or phone so someone can follow up.')}</p>
        )}
      </AttendeeFields>
      <button type="submit" class="button button--primary button--wide" disabled={busy}>
        {t('Save issue')}
      </button>
    </>
  );
}
