import { useState } from 'preact/hooks';
import { readIssue } from '../../db/issue-repository';
import { AppError } from '../../domain/app-error';
import type { Issue } from '../../domain/issue';
import { makeChange } from '../changes';
import { ChangeForm } from '../components/change-form';
import { ChoiceTiles, TextField } from '../components/fields';
import { t } from '../i18n/messages';
import { useSession } from '../session';
import { IdCheckFields } from './id-check-fields';
import { SignaturePad } from './signature-pad';

/**
 * Handing a found item back: who collected it, which ID was checked (its last four characters
 * only) and their signature or typed confirmation. A matched lost report is marked returned in
 * the same go, so the attendee's follow-up closes.
 */
export function HandBackForm({ issue }: { issue: Issue }) {
  const session = useSession();
  const [collectedBy, setCollectedBy] = useState('');
  const [idKind, setIdKind] = useState('passport');
  const [idLast4, setIdLast4] = useState('');
  const [how, setHow] = useState<'signature' | 'typed'>('signature');
  const [signature, setSignature] = useState('');
  const [typed, setTyped] = useState('');
  const [padKey, setPadKey] = useState(0);
  const matched = issue.lostProperty?.matchedWith ?? null;
  return (
    <section class="card" aria-labelledby="hand-back-title">
      <h2 id="hand-back-title">{t('Hand back')}</h2>
      <ChangeForm
        label={t('Hand back')}
        submitLabel={t('Record hand-back')}
        savedMessage={t('Handed back; saved on this phone.')}
        onSaved={() => {
          setCollectedBy('');
          setIdLast4('');
          setSignature('');
          setTyped('');
          setPadKey(padKey + 1);
        }}
        onSubmit={async () => {
          if (how === 'signature' && signature === '') {
            throw new AppError('invalid', t('Ask the person to sign in the box, or choose a typed confirmation.'));
          }
          const confirmation = how === 'signature' ? { kind: how, path: signature } : { kind: how, text: typed };
          await makeChange(session, 'handBackItem', { issueId: issue.id, collectedBy, idKind, idLast4, confirmation });
          if (matched && (await readIssue(session.db, matched))?.lostProperty?.kind === 'lost') {
            await makeChange(session, 'recordItemReturned', { issueId: matched, foundId: issue.id });
          }
        }}
      >
        <TextField label={t('Name of the person collecting')} value={collectedBy} onInput={setCollectedBy} required />
        <IdCheckFields idKind={idKind} idLast4={idLast4} onIdKind={setIdKind} onIdLast4={setIdLast4} />
        <ChoiceTiles
          legend={t('Confirmation')}
          compact
          value={how}
          options={[
            { value: 'signature', label: t('Signature') },
            { value: 'typed', label: t('Typed confirmation') },
          ]}
          onChange={(value) => setHow(value as 'signature' | 'typed')}
        />
        {how === 'signature' ? (
          <SignaturePad
            key={padKey}
            label={t('Signature box: the person collecting signs here with a finger')}
            onChange={setSignature}
          />
        ) : (
          <TextField
            label={t('Typed by the person collecting')}
            hint={t('For example: “I collected my phone, 10 July.”')}
            value={typed}
            onInput={setTyped}
            required
          />
        )}
      </ChangeForm>
    </section>
  );
}
