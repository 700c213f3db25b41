import { useState } from 'preact/hooks';
import { type AlertKind, type AlertRule, alertKinds, alertRulesOf } from '../../domain/alert-rules';
import { maxEscalateAfterMinutes, minEscalateAfterMinutes } from '../../domain/alert-rules-schema';
import { AppError } from '../../domain/app-error';
import { sameValue } from '../../domain/same-value';
import type { Role } from '../../domain/staff';
import { makeEventChange } from '../changes';
import { ChangeForm } from '../components/change-form';
import { CheckboxField, SelectField, TextField } from '../components/fields';
import { t, translatedLabels } from '../i18n/messages';
import { useSession } from '../session';

/** One kind's rule as the form holds it: minutes as typed. */
interface RuleForm {
  enabled: boolean;
  to: Role;
  minutes: string;
}

const whoFirst: Record<Role, string> = translatedLabels({
  staff: 'Everyone on duty: staff, coordinators and organizers',
  coordinator: 'Coordinators and organizers on duty',
  organizer: 'Organizers on duty only',
});

const kindLabels: Record<AlertKind, string> = translatedLabels({
  urgent: 'Urgent issue',
  'lost-person': 'Lost person',
  'medical-welfare': 'Medical or welfare',
  'public-risk': 'Public risk',
  'overdue-unowned': 'Waiting too long, no owner',
  handover: 'Handed over to you',
});

/**
 * Who may be told first, per kind. Staff only where staff can act on it: a medical or welfare
 * case is restricted (staff phones never see its details), and a hand-over goes to its person.
 */
const firstChoices: Record<AlertKind, Role[] | null> = {
  urgent: ['staff', 'coordinator', 'organizer'],
  'lost-person': ['staff', 'coordinator', 'organizer'],
  'medical-welfare': ['coordinator', 'organizer'],
  'public-risk': ['staff', 'coordinator', 'organizer'],
  'overdue-unowned': ['staff', 'coordinator', 'organizer'],
  handover: null,
};

const formOf = (rule: AlertRule): RuleForm => ({
  enabled: rule.enabled,
  to: rule.to,
  minutes: String(rule.escalateAfterMinutes),
});

function ruleFrom(kind: AlertKind, form: RuleForm): AlertRule {
  const minutes = Number(form.minutes.trim());
  if (
    form.minutes.trim() === '' ||
    !Number.isInteger(minutes) ||
    minutes < minEscalateAfterMinutes ||
    minutes > maxEscalateAfterMinutes
  ) {
    throw new AppError(
      'invalid',
      t('{kind}: the time before it goes up must be whole minutes, {min} to {max}.', {
        kind: kindLabels[kind],
        min: minEscalateAfterMinutes,
        max: maxEscalateAfterMinutes,
      }),
    );
  }
  return { enabled: form.enabled, to: form.to, escalateAfterMinutes: minutes };
}

/**
 * Settings → "Alerts: who is told" (coordinators and organizers): per kind of alert, on or off,
 * who is told first, and how long an unanswered alert waits before it goes to the next role up.
 * A save is a festival settings change like any other: saved on this phone at once, applied by the
 * server in its order, and on every phone at its next sync. Only the kinds changed here are sent,
 * so two coordinators tuning different kinds do not undo each other.
 */
export function AlertRulesSection() {
  const session = useSession();
  const rules = alertRulesOf(session.event);
  // Only what the person changed is kept here; the rest shows the rules as they are now.
  const [edited, setEdited] = useState<Partial<Record<AlertKind, RuleForm>>>({});
  const formFor = (kind: AlertKind) => edited[kind] ?? formOf(rules[kind]);
  const edit = (kind: AlertKind, patch: Partial<RuleForm>) => setEdited({ ...edited, [kind]: { ...formFor(kind), ...patch } });

  return (
    <section aria-labelledby="alert-rules-title" class="card">
      <h2 id="alert-rules-title">{t('Alerts: who is told')}</h2>
      <p>
        {t(
          'Which cases ring whose phone, and how long an unanswered alert waits before it goes to everyone on duty of the next role up (coordinators, then organizers). When nobody on duty could answer it, it goes up at once.',
        )}
      </p>
      <ChangeForm
        label={t('Alerts: who is told')}
        submitLabel={t('Save who is told')}
        savedMessage={t('Saved on this phone; the server uses it from its next sync.')}
        onSaved={() => setEdited({})}
        onSubmit={async () => {
          const changed: Partial<Record<AlertKind, AlertRule>> = {};
          for (const kind of alertKinds) {
            const form = edited[kind];
            if (!form) continue;
            const rule = ruleFrom(kind, form);
            if (!sameValue(rule, rules[kind])) changed[kind] = rule;
          }
          if (Object.keys(changed).length === 0) throw new AppError('invalid', t('Nothing to save: no alert was changed.'));
          await makeEventChange(session, 'changeEventSettings', { alertRules: changed });
        }}
      >
        {alertKinds.map((kind) => {
          const form = formFor(kind);
          const label = kindLabels[kind];
          const choices = firstChoices[kind];
          return (
            <fieldset key={kind} class="group" data-testid={`alert-rule-${kind}`}>
              <legend>{label}</legend>
              <CheckboxField
                label={t('Alert for “{kind}”', { kind: label })}
                checked={form.enabled}
                onChange={(enabled) => edit(kind, { enabled })}
              />
              {form.enabled && choices && (
                <SelectField
                  label={t('Who is told first: {kind}', { kind: label })}
                  value={form.to}
                  options={choices.map((role) => ({ value: role, label: whoFirst[role] }))}
                  onChange={(to) => edit(kind, { to: to as Role })}
                />
              )}
              {form.enabled && !choices && <p class="field__hint">{t('Told first: the person it is handed to.')}</p>}
              {form.enabled && form.to !== 'organizer' && (
                <TextField
                  label={t('Unanswered, goes up after (minutes): {kind}', { kind: label })}
                  inputMode="numeric"
                  value={form.minutes}
                  onInput={(minutes) => edit(kind, { minutes })}
                />
              )}
            </fieldset>
          );
        })}
      </ChangeForm>
    </section>
  );
}
