import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { readDraft } from '../../db/draft-repository';
import { AppError } from '../../domain/app-error';
import { festivalLanguageOf } from '../../domain/festival-language';
import { itemCategories, itemCategoryLabels, type LostPropertyKind } from '../../domain/lost-property';
import { textLimits } from '../../domain/text-limits';
import { createDraftWriter } from '../capture/draft-writer';
import { errorMessage, makeChange, newId } from '../changes';
import { AttendeeFields } from '../components/attendee-fields';
import { ChoiceTiles, SelectField, TextArea, TextField } from '../components/fields';
import { Screen } from '../components/screen';
import { StaffPicker } from '../components/staff-picker';
import { t, translatedLabels } from '../i18n/messages';
import { useSession } from '../session';
import { createItemArgs, emptyItemForm, type ItemFormState, itemDraftKey, itemFormFromDraft } from './item-form-state';

const titles: Record<LostPropertyKind, string> = translatedLabels({ found: 'Log a found item', lost: 'Log a lost report' });

export function ItemFormScreen({ kind: raw }: { kind?: string }) {
  const kind: LostPropertyKind = raw === 'lost' ? 'lost' : 'found';
  const session = useSession();
  return (
    <Screen title={titles[kind]}>
      <p>
        <a href="/lost-property">{t('Back to the lost-property register')}</a>
      </p>
      {session.staff.current ? (
        <ItemForm key={kind} kind={kind} />
      ) : (
        <>
          <p>{t('Before logging, tell Helptent who you are.')}</p>
          <StaffPicker />
        </>
      )}
    </Screen>
  );
}

function ItemForm({ kind }: { kind: LostPropertyKind }) {
  const session = useSession();
  const { db, event } = session;
  const { route } = useLocation();
  const [form, setForm] = useState<ItemFormState | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [draftProblem, setDraftProblem] = useState<string | null>(null);
  const key = itemDraftKey(kind);
  const writeDraft = useMemo(() => createDraftWriter(db, key, setDraftProblem), [db, key]);
  const festivalLanguage = festivalLanguageOf(event);

  useEffect(() => {
    void readDraft(db, key).then((draft) => setForm(itemFormFromDraft(kind, draft, festivalLanguage)));
    // The draft is read once per form; a festival language chosen meanwhile applies to the next one.
  }, [db, key, kind]);

  if (!form) return <p class="loading">{t('Opening the form…')}</p>;
  const update = (patch: Partial<ItemFormState>) => {
    const next = { ...form, ...patch };
    setForm(next);
    writeDraft(next as unknown as Record<string, unknown>);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    const id = newId();
    try {
      if (form.category === '') throw new AppError('invalid', t('What kind of item is it? Choose one.'));
      await makeChange(session, 'createIssue', createItemArgs(kind, form, id, event.id, festivalLanguage), {
        clearDraftKey: key,
      });
      setForm(emptyItemForm(kind, festivalLanguage));
      route(`/issues/${id}?saved=${kind}`);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <form class="capture" aria-label={titles[kind]} onSubmit={(e) => void save(e)} noValidate>
      {draftProblem && (
        <p class="message message--error" role="alert">
          {draftProblem}
        </p>
      )}
      <ChoiceTiles
        legend={t('What is it?')}
        compact
        required
        value={form.category}
        options={itemCategories.map((c) => ({ value: c, label: t(itemCategoryLabels[c]) }))}
        onChange={(category) => update({ category: category as ItemFormState['category'] })}
      />
      <TextField label={t('Colour')} value={form.colour} onInput={(colour) => update({ colour })} />
      <TextField label={t('Brand or model')} value={form.brand} onInput={(brand) => update({ brand })} />
      <TextArea
        label={t('Marks and contents')}
        hint={t('Stickers, scratches, engravings, a case, what is inside. Leave out card numbers.')}
        rows={2}
        maxLength={textLimits.marks}
        value={form.marks}
        onInput={(marks) => update({ marks })}
      />
      <SelectField
        label={kind === 'found' ? t('Area where it was found') : t('Area where it was lost')}
        value={form.zoneId}
        options={[{ value: '', label: t('Not sure') }, ...event.zones.map((z) => ({ value: z.id, label: t(z.name) }))]}
        onChange={(zoneId) => update({ zoneId })}
      />
      <TextField
        label={kind === 'found' ? t('Where exactly') : t('Where they last had it')}
        value={form.place}
        onInput={(place) => update({ place })}
      />
      <TextField
        label={kind === 'found' ? t('When it was found') : t('When they last had it')}
        {...(kind === 'lost' ? { hint: t('As well as they remember; leave empty if they do not know.') } : {})}
        type="datetime-local"
        value={form.when}
        onInput={(when) => update({ when })}
      />
      {kind === 'found' ? (
        <TextField
          label={t('Bin or shelf')}
          hint={t('Where the item is kept now, e.g. B4. Leave empty if it is not stored yet.')}
          value={form.storage}
          onInput={(storage) => update({ storage })}
        />
      ) : (
        <AttendeeFields value={form} onChange={update} event={event} />
      )}
      <button type="submit" class="button button--primary button--wide" disabled={busy}>
        {kind === 'found' ? t('Save found item') : t('Save lost report')}
      </button>
      {failure && (
        <p class="message message--error" role="alert">
          {failure}
        </p>
      )}
      {kind === 'found' && <p class="field__hint">{t('After saving you can add photos of the item.')}</p>}
    </form>
  );
}
