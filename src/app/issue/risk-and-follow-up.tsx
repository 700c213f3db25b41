import { useState } from 'preact/hooks';
import {
  type ContactChannel,
  contactChannels,
  type FollowUpReason,
  followUpReasons,
  type Issue,
  type OutreachState,
  outreachStates,
  type PublicRiskLevel,
  publicRiskLevels,
} from '../../domain/issue';
import { makeChange } from '../changes';
import { ChangeForm } from '../components/change-form';
import { CheckboxField, SelectField, TextField } from '../components/fields';
import { t } from '../i18n/messages';
import { channelLabels, outreachLabels, reasonLabels, riskLabels } from '../labels';
import { useSession } from '../session';
import { RecordConsent } from './record-consent';

export function PublicRiskForm({ issue }: { issue: Issue }) {
  const session = useSession();
  const [level, setLevel] = useState<PublicRiskLevel>(issue.publicRisk.level);
  const [link, setLink] = useState(issue.publicRisk.link);
  const [escalate, setEscalate] = useState(issue.publicRisk.escalatedToComms);
  return (
    <section class="card" aria-labelledby="risk-title">
      <h2 id="risk-title">{t('Public risk')}</h2>
      <ChangeForm
        label={t('Public risk')}
        submitLabel={t('Save public risk')}
        onSubmit={() => makeChange(session, 'flagPublicRisk', { issueId: issue.id, level, link, escalateToComms: escalate })}
      >
        <SelectField
          label={t('Could this go public?')}
          value={level}
          options={publicRiskLevels.map((r) => ({ value: r, label: riskLabels[r] }))}
          onChange={(value) => setLevel(value as PublicRiskLevel)}
        />
        {level !== 'none' && (
          <>
            <TextField label={t('Link to the post')} type="url" inputMode="url" value={link} onInput={setLink} />
            <CheckboxField label={t('Escalated to the comms team')} checked={escalate} onChange={setEscalate} />
          </>
        )}
      </ChangeForm>
    </section>
  );
}

/**
 * A follow-up needs consent (`awaitsFollowUp`): without it the form offers to record consent
 * first, never to mark a follow-up that no figure or list would count.
 */
export function FollowUpForm({ issue }: { issue: Issue }) {
  const session = useSession();
  const removed = issue.personalDataRemoved;
  return (
    <section class="card" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('Follow-up')}</h2>
      {removed ? (
        <p>
          {removed.why === 'erasure'
            ? t('The attendee’s personal data was erased on request')
            : t('The attendee’s personal data was removed after the retention period')}
          {t(': nobody can be contacted about this issue.')}
        </p>
      ) : issue.consent.given ? (
        <>
          <FollowUpChoice issue={issue} />
          {issue.followUp.needed && <OutreachForm issue={issue} />}
        </>
      ) : (
        <>
          <p>
            {issue.followUp.needed
              ? t(
                  'A follow-up needs the attendee’s consent: without it nobody may contact them after the event, so the follow-up marked here is not counted or listed. Record their consent first.',
                )
              : t(
                  'A follow-up needs the attendee’s consent: without it nobody may contact them after the event. Record their consent first.',
                )}
          </p>
          <RecordConsent issue={issue} />
          {issue.followUp.needed && (
            <ChangeForm
              label={t('Follow-up')}
              submitLabel={t('No follow-up needed')}
              onSubmit={() => makeChange(session, 'setFollowUp', { issueId: issue.id, needed: false })}
            />
          )}
        </>
      )}
    </section>
  );
}

function FollowUpChoice({ issue }: { issue: Issue }) {
  const session = useSession();
  const [needed, setNeeded] = useState(issue.followUp.needed);
  const [reason, setReason] = useState<FollowUpReason | ''>(issue.followUp.reason ?? '');
  const [channel, setChannel] = useState<ContactChannel | ''>(issue.followUp.channel ?? issue.attendee.preferredChannel ?? '');
  return (
    <ChangeForm
      label={t('Follow-up')}
      submitLabel={t('Save follow-up')}
      onSubmit={() =>
        makeChange(session, 'setFollowUp', {
          issueId: issue.id,
          needed,
          reason: needed && reason ? reason : null,
          channel: needed && channel ? channel : null,
        })
      }
    >
      <CheckboxField label={t('Someone should get back to the attendee')} checked={needed} onChange={setNeeded} />
      {needed && (
        <>
          <SelectField
            label={t('Why')}
            value={reason}
            options={[{ value: '', label: t('Not said') }, ...followUpReasons.map((r) => ({ value: r, label: reasonLabels[r] }))]}
            onChange={(value) => setReason(value as FollowUpReason | '')}
          />
          <SelectField
            label={t('How')}
            value={channel}
            options={[
              { value: '', label: t('Not said') },
              ...contactChannels.map((c) => ({ value: c, label: channelLabels[c] })),
            ]}
            onChange={(value) => setChannel(value as ContactChannel | '')}
          />
        </>
      )}
    </ChangeForm>
  );
}

function OutreachForm({ issue }: { issue: Issue }) {
  const session = useSession();
  const [outreach, setOutreach] = useState<OutreachState>(issue.followUp.outreach);
  return (
    <ChangeForm
      label={t('Outreach')}
      submitLabel={t('Save outreach')}
      onSubmit={() => makeChange(session, 'setOutreach', { issueId: issue.id, outreach })}
    >
      <SelectField
        label={t('Outreach')}
        value={outreach}
        options={outreachStates.map((s) => ({ value: s, label: outreachLabels[s] }))}
        onChange={(value) => setOutreach(value as OutreachState)}
      />
    </ChangeForm>
  );
}
