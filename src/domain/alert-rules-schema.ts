import * as z from 'zod/mini';
import { type AlertKind, type AlertRule, alertKinds, defaultAlertRules } from './alert-rules';
import { lazySchema } from './lazy-schema';
import { code, type Phrase, say } from './phrase';
import { sameValue } from './same-value';
import { type Role, roles } from './staff';

/**
 * Bounds of "escalate after N minutes": at least a minute (the clock ticks every 15 s), at most
 * an hour (an alert left longer than that with nobody answering has stopped being an alert).
 */
export const minEscalateAfterMinutes = 1;
export const maxEscalateAfterMinutes = 60;

const escalateAfterMinutes = lazySchema(() =>
  z
    .number()
    .check(
      z.int('must be whole minutes'),
      z.minimum(minEscalateAfterMinutes, `must be at least ${minEscalateAfterMinutes} minute`),
      z.maximum(maxEscalateAfterMinutes, `must be at most ${maxEscalateAfterMinutes} minutes`),
    ),
);

/** One kind's rule as a settings change carries it: every field, nothing else. */
export const alertRuleSchema = lazySchema(() =>
  z.strictObject({
    enabled: z.boolean(),
    to: z.enum(roles),
    escalateAfterMinutes,
  }),
);

/**
 * The rules a settings change sets, per kind; kinds left out keep what they have. Known kinds
 * only: a typo ("urgnet") is refused with its name rather than stored and never read.
 */
export const alertRulesChangeSchema = lazySchema(() =>
  z.strictObject(
    Object.fromEntries(alertKinds.map((kind) => [kind, z.optional(alertRuleSchema)])) as Record<
      AlertKind,
      z.ZodMiniOptional<typeof alertRuleSchema>
    >,
  ),
);

/**
 * The rules as a phone receives them with the event. Loose: a kind a newer server knows and this
 * app does not is passed over, never a reason to refuse the whole event.
 */
export const alertRulesWireSchema = lazySchema(() =>
  z.record(z.string(), z.object({ enabled: z.boolean(), to: z.enum(roles), escalateAfterMinutes: z.number() })),
);

/**
 * What is stored: only the kinds that differ from the defaults, so an event nobody tuned keeps
 * following the defaults (and a kind set back to its default follows them again). Undefined when
 * nothing differs.
 */
export function storedAlertRules(
  rules: Partial<Record<AlertKind, AlertRule>>,
): Partial<Record<AlertKind, AlertRule>> | undefined {
  const differing = alertKinds.flatMap((kind) => {
    const rule = rules[kind];
    if (!rule || sameValue(rule, defaultAlertRules[kind])) return [];
    return [[kind, { enabled: rule.enabled, to: rule.to, escalateAfterMinutes: rule.escalateAfterMinutes }] as const];
  });
  return differing.length > 0 ? Object.fromEntries(differing) : undefined;
}

/** "Urgent issue off", "Lost person to coordinators first, up after 5 min": one kind's change in words. */
export function alertRuleChangePhrase(kind: AlertKind, before: AlertRule, after: AlertRule): Phrase {
  if (!after.enabled) return say('{kind} off', { kind: code('alertKind', kind) });
  const parts: Phrase[] = [];
  if (!before.enabled) parts.push(say('on'));
  if (before.to !== after.to) parts.push(say('to {whom} first', { whom: code('alertRecipients', after.to satisfies Role) }));
  if (before.escalateAfterMinutes !== after.escalateAfterMinutes) {
    parts.push(say('up after {minutes} min', { minutes: after.escalateAfterMinutes }));
  }
  return say('{kind} {changes}', { kind: code('alertKind', kind), changes: parts });
}
