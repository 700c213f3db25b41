import { SelectField, TextField } from '../components/fields';
import { t } from '../i18n/messages';
import { optionsOf } from '../labels';
import { idKindLabels } from './labels';

/** Which ID was checked and its last four characters: the same for a hand-back and a reunion. */
export function IdCheckFields(props: {
  idKind: string;
  idLast4: string;
  onIdKind: (value: string) => void;
  onIdLast4: (value: string) => void;
}) {
  return (
    <>
      <SelectField label={t('ID checked')} value={props.idKind} options={optionsOf(idKindLabels)} onChange={props.onIdKind} />
      <TextField
        label={t('Last four characters of the ID number')}
        hint={t('Only the last four: enough to check later, nothing to copy.')}
        value={props.idLast4}
        onInput={props.onIdLast4}
        required
      />
    </>
  );
}
