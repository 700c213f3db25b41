import '../summary/coordinator.css';
import { useState } from 'preact/hooks';
import { readTemplates, saveTemplate, type TemplateKey, templateKey } from '../../db/template-repository';
import { festivalLanguageOf } from '../../domain/festival-language';
import { awaitsFollowUp } from '../../domain/follow-up';
import { type FollowUpReason, followUpReasons, type Issue, type OutreachState } from '../../domain/issue';
import type { PhraseLanguage } from '../../domain/phrase-text';
import { errorMessage, makeChange } from '../changes';
import { SelectField, TextArea } from '../components/fields';
import { Screen } from '../components/screen';
import { attendeeLanguages, endonyms, type StaffLocale } from '../i18n/locales';
import { msg, t, tn } from '../i18n/messages';
import { usePhraseLanguages } from '../i18n/use-phrase-languages';
import { formatWhen, outreachLabels, reasonLabels } from '../labels';
import { useSession } from '../session';
import { useLiveQuery } from '../use-live-query';
import { useNow } from '../use-now';
import { contactLink, defaultTemplates, fillTemplate, subjects, templateLanguageOf } from './outreach-templates';
import { RoleGate } from './role-gate';
import { useIssuesWhere } from './use-issues';

const nextStep: Partial<Record<OutreachState, { to: OutreachState; label: string }>> = {
  pending: { to: 'sent', label: msg('Mark sent') },
  sent: { to: 'replied', label: msg('Mark replied') },
  replied: { to: 'done', label: msg('Mark done') },
};

/** The template of a reason in a language: what was saved on this phone, else the default. */
type TemplateOf = (language: StaffLocale) => string;
/** Each template language, to say in it what the domain wrote itself (a resolution). */
type WordsOf = Partial<Record<StaffLocale, PhraseLanguage>>;

function AttendeeCard({ issue, templateOf, words, now }: { issue: Issue; templateOf: TemplateOf; words: WordsOf; now: Date }) {
  const session = useSession();
  const [problem, setProblem] = useState('');
  // Written in the language the attendee spoke, whatever language this screen is in.
  const language = templateLanguageOf(issue, festivalLanguageOf(session.event));
  const message = fillTemplate(templateOf(language), issue, language, words[language]);
  const link = contactLink(issue, message, subjects[language].replace('{issue}', issue.summary));
  const step = nextStep[issue.followUp.outreach];
  const overdue = issue.followUp.dueAt !== null && Date.parse(issue.followUp.dueAt) < now.getTime();
  const name = issue.attendee.name || t('Attendee without a name');
  return (
    <li class={overdue ? 'outreach outreach--overdue' : 'outreach'}>
      <p class="outreach__who">
        <strong>{name}</strong> · {outreachLabels[issue.followUp.outreach]}
        {overdue && (
          <span class="badge badge--overdue">
            {t('Overdue since {when}', { when: formatWhen(issue.followUp.dueAt!, session.event.timezone, now) })}
          </span>
        )}
      </p>
      <p>
        <a href={`/issues/${issue.id}`}>{issue.summary}</a>
      </p>
      <p class="muted">
        {t('Written in')} <span lang={language}>{endonyms[language]}</span>
      </p>
      <p class="outreach__message" lang={language}>
        {message}
      </p>
      <div class="button-list">
        {link ? (
          <a class="button" href={link}>
            {link.startsWith('sms:') ? t('Text {name}', { name }) : t('Email {name}', { name })}
          </a>
        ) : (
          <span class="muted">{t('No email or phone recorded.')}</span>
        )}
        {step && (
          <button
            type="button"
            class="button button--primary"
            onClick={() =>
              void makeChange(session, 'setOutreach', { issueId: issue.id, outreach: step.to }).then(
                () => setProblem(''),
                (error: unknown) => setProblem(errorMessage(error)),
              )
            }
          >
            {t(step.label)}
            <span class="visually-hidden"> {t('for {name}', { name })}</span>
          </button>
        )}
      </div>
      {problem && (
        <p class="message message--error" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}

function ReasonGroup({ reason, issues, words, now }: { reason: FollowUpReason; issues: Issue[]; words: WordsOf; now: Date }) {
  const { db, event } = useSession();
  const stored = useLiveQuery(() => readTemplates(db), [db]).data;
  const languages = attendeeLanguages(event);
  // The template being edited: the event's language first; a draft belongs to one language.
  const [editing, setEditing] = useState<StaffLocale>(languages[0]!);
  const [draft, setDraft] = useState<{ key: TemplateKey; text: string } | null>(null);
  const templateOf: TemplateOf = (language) => {
    const key = templateKey(reason, language);
    return (draft?.key === key ? draft.text : undefined) ?? stored?.[key] ?? defaultTemplates[language][reason];
  };
  const editingKey = templateKey(reason, editing);
  return (
    <section class="card" aria-labelledby={`group-${reason}`}>
      <h2 id={`group-${reason}`}>
        {reasonLabels[reason]} ({issues.length})
      </h2>
      <details>
        <summary>{t('Message template')}</summary>
        <SelectField
          label={t('Template language')}
          value={editing}
          options={languages.map((language) => ({ value: language, label: endonyms[language], lang: language }))}
          onChange={(language) => setEditing(language as StaffLocale)}
        />
        <TextArea
          label={t('Template for {reason}', { reason: reasonLabels[reason].toLowerCase() })}
          hint={t('{name}, {issue}, {told} and {resolution} are filled in for each attendee.')}
          value={templateOf(editing)}
          onInput={(text) => setDraft({ key: editingKey, text })}
          rows={4}
        />
        <button
          type="button"
          class="button"
          onClick={() => {
            if (draft !== null) void saveTemplate(db, draft.key, draft.text).then(() => setDraft(null));
          }}
        >
          {t('Save template')}
        </button>
      </details>
      <ul class="outreach-list">
        {issues.map((issue) => (
          <AttendeeCard key={issue.id} issue={issue} templateOf={templateOf} words={words} now={now} />
        ))}
      </ul>
    </section>
  );
}

function FollowUpList() {
  const now = useNow();
  const { event } = useSession();
  const issues = useIssuesWhere((row) => row.needsFollowUp, []);
  // The rows are pre-filtered; this is the rule itself, so no one without consent slips through.
  const consented = (issues.data ?? []).filter(awaitsFollowUp);
  const languages = consented.map((issue) => templateLanguageOf(issue, festivalLanguageOf(event)));
  const words = usePhraseLanguages(languages);
  // Each message waits for its language's catalog (milliseconds), not to flash English by.
  if (!issues.loaded || languages.some((language) => !words[language])) return <p class="loading">{t('Loading follow-ups…')}</p>;
  if (consented.length === 0)
    return <p class="empty-state">{t('Nobody who agreed to be contacted is waiting for a follow-up.')}</p>;
  return (
    <>
      <p role="status">
        {tn(consented.length, '{count} attendee is waiting for a follow-up.', '{count} attendees are waiting for a follow-up.')}
      </p>
      {followUpReasons.map((reason) => {
        const group = consented.filter((issue) => (issue.followUp.reason ?? 'other') === reason);
        return group.length > 0 && <ReasonGroup key={reason} reason={reason} issues={group} words={words} now={now} />;
      })}
    </>
  );
}

export function FollowUpScreen() {
  return (
    <RoleGate needs="coordinator" title={t('Follow-up outreach')}>
      <Screen title={t('Follow-up outreach')}>
        <p>{t('Attendees who agreed to be contacted and still need a word from us, by what they need.')}</p>
        <FollowUpList />
      </Screen>
    </RoleGate>
  );
}
