import { useState } from 'preact/hooks';
import { type Issue, type Mood, moods, type Status } from '../../domain/issue';
import { finishingStatuses, nextStatuses } from '../../domain/status-flow';
import { textLimits } from '../../domain/text-limits';
import { makeChange } from '../changes';
import { ChangeForm } from '../components/change-form';
import { ChoiceTiles, SelectField, TextArea } from '../components/fields';
import { t } from '../i18n/messages';
import { resolutionText } from '../i18n/said';
import { moodLabels, statusNames } from '../labels';
import { useSession } from '../session';

export function StatusForm({ issue }: { issue: Issue }) {
  const session = useSession();
  const options = nextStatuses(issue.status);
  const [status, setStatus] = useState<Status>(options.includes('closed') ? 'closed' : (options[0] ?? issue.status));
  const [resolution, setResolution] = useState('');
  const [mood, setMood] = useState<Mood | ''>(issue.moodAtClose ?? '');
  const target = options.includes(status) ? status : (options[0] ?? issue.status);
  const finishing = finishingStatuses.includes(target);

  return (
    <section class="card" aria-labelledby="status-title">
      <h2 id="status-title">{t('Status: {status}', { status: statusNames[issue.status] })}</h2>
      <ChangeForm
        label={t('Change status')}
        submitLabel={target === 'closed' ? t('Close issue') : t('Change status')}
        primary
        onSaved={() => setResolution('')}
        onSubmit={() =>
          makeChange(session, 'setStatus', {
            issueId: issue.id,
            status: target,
            ...(resolution.trim() ? { resolution } : {}),
            ...(finishing && mood ? { moodAtClose: mood } : {}),
          })
        }
      >
        <SelectField
          label={t('New status')}
          value={target}
          options={options.map((s) => ({ value: s, label: statusNames[s] }))}
          onChange={(value) => setStatus(value as Status)}
        />
        {target === 'follow_up' && !issue.consent.given && (
          <p class="message message--warning">
            {t(
              'The attendee has not agreed to be contacted, so this follow-up is not counted or listed until their consent is recorded (under Follow-up).',
            )}
          </p>
        )}
        {finishing && (
          <>
            <TextArea
              label={t('Resolution')}
              hint={
                issue.resolution
                  ? t('So far: {resolution}', { resolution: resolutionText(issue) })
                  : t('What was done, in a sentence.')
              }
              value={resolution}
              maxLength={textLimits.resolution}
              onInput={setResolution}
              required={!issue.resolution}
            />
            <ChoiceTiles
              legend={t('Attendee’s mood when they left')}
              compact
              value={mood}
              options={moods.map((m) => ({ value: m, label: moodLabels[m] }))}
              onChange={(value) => setMood(value as Mood)}
            />
          </>
        )}
      </ChangeForm>
    </section>
  );
}
