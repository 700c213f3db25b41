/**
 * Alerts: urgent cases reach people on duty within seconds, ask for "I'm on it", and escalate
 * when nobody answers. The server raises and sends them (in the app when it is open, by Web Push
 * when it is closed); these rules are shared so a phone can show what will alert whom.
 */
import * as z from 'zod/mini';
import { type AlertKind, alertKindLabels, alertKinds, alertRulesOf } from './alert-rules';
import { defaultZones, type FestivalEvent } from './event';
import { type Issue, isVoided } from './issue';
import { lazySchema } from './lazy-schema';
import type { LostPersonDescription } from './lost-person';
import { code, type Phrase, type PhraseValue, say } from './phrase';
import { phraseValueSchema } from './phrase-schema';
import { valueText } from './phrase-text';
import { type Role, roles } from './staff';

export { type AlertKind, type AlertRule, alertKindLabels, alertKinds, alertRulesOf, defaultAlertRules } from './alert-rules';

/** The role an unanswered alert goes to next; null when it already reached organizers. */
export function nextRoleUp(role: Role): Role | null {
  return roles[roles.indexOf(role) + 1] ?? null;
}

/** One reason to alert about an issue; `toPersonId` addresses a hand-over to its person alone. */
export interface RaisedAlert {
  kind: AlertKind;
  toPersonId?: string;
}

const lostPersonCategory = 'lost-person';
const medicalCategory = 'medical-welfare';

/**
 * What a change to an issue raises: an issue that became urgent, a new lost person or medical
 * case, public risk that reached "posted" or "press present", a hand-over to someone. Compared
 * with the issue before the change, so a later edit of an urgent issue does not alert again.
 * "Waiting too long with no owner" is raised by the server's clock, not by a change.
 */
export function alertsRaisedBy(before: Issue | undefined, after: Issue, event: Pick<FestivalEvent, 'alertRules'>): RaisedAlert[] {
  if (isVoided(after) || after.status === 'closed' || after.status === 'resolved') return [];
  const rules = alertRulesOf(event);
  const raised: RaisedAlert[] = [];
  const became = (test: (issue: Issue) => boolean) => test(after) && (before === undefined || !test(before));
  if (became((i) => i.category === lostPersonCategory)) raised.push({ kind: 'lost-person' });
  else if (became((i) => i.category === medicalCategory)) raised.push({ kind: 'medical-welfare' });
  else if (became((i) => i.severity === 'urgent')) raised.push({ kind: 'urgent' });
  if (became((i) => i.publicRisk.level === 'posted' || i.publicRisk.level === 'press_present'))
    raised.push({ kind: 'public-risk' });
  const handedTo = after.owner?.id;
  const handover = after.timeline.at(-1);
  if (handedTo && handover?.kind === 'handover' && before?.owner?.id !== handedTo)
    raised.push({ kind: 'handover', toPersonId: handedTo });
  return raised.filter((alert) => rules[alert.kind].enabled);
}

/**
 * An alert's title and body as phrases, for each phone to say in its person's language (the
 * banner, and the service worker on a lock screen). Kept apart from the English title and body,
 * which phones from before phrases show.
 */
export interface AlertSaid {
  title: PhraseValue;
  body: PhraseValue;
}

export const alertSaidSchema = lazySchema(() => z.object({ title: phraseValueSchema, body: phraseValueSchema }));

const clip = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}…` : text);

/**
 * The description of a lost person every phone on duty gets, as a list each phone says in its
 * person's language: "Noor, age 6, wearing a red coat, last seen at Gate B" (each part as typed,
 * shortened for a lock screen).
 */
function personPhrase(description: LostPersonDescription): (string | Phrase)[] {
  const parts: (string | Phrase)[] = [];
  if (description.name) parts.push(clip(description.name));
  if (description.age) parts.push(say('age {age}', { age: clip(description.age) }));
  if (description.clothing) parts.push(say('wearing {clothing}', { clothing: clip(description.clothing) }));
  if (description.lastSeenPlace) parts.push(say('last seen at {place}', { place: clip(description.lastSeenPlace) }));
  return parts;
}

/**
 * The words of an alert, for a banner and a lock screen: kind, zone and summary, never attendee
 * contact details (the caller passes the issue as the recipient may see it).
 */
export function alertText(
  issue: Issue,
  kind: AlertKind,
  event: Pick<FestivalEvent, 'zones'>,
): { title: string; body: string; said: AlertSaid } {
  const zone = event.zones.find((z) => z.id === issue.zoneId)?.name;
  const what = code('alertKind', kind);
  const title = zone ? say('{kind} · {zone}', { kind: what, zone: code('zone', zone) }) : what;
  // A lost person's alert carries the description: every phone on duty is looking.
  const description = kind === 'lost-person' ? issue.lostPerson?.description : null;
  const body = description ? personPhrase(description) : clip(issue.summary);
  return { title: valueText(title), body: clip(valueText(body)), said: { title, body } };
}

/**
 * Every message id an alert's phrases use: the service worker, which has no catalog, is given
 * these in the phone's language to say a notification (see src/db/notification-words.ts).
 */
export const alertMessageIds: readonly string[] = [
  '{kind} · {zone}',
  'age {age}',
  'wearing {clothing}',
  'last seen at {place}',
  ...Object.values(alertKindLabels),
  // Zones keep the names the festival gave them; the default ones the app translates.
  ...defaultZones.map((zone) => zone.name),
];

const person = lazySchema(() => z.object({ id: z.string(), name: z.string() }));

/** An alert as a phone receives it (GET /api/alerts). */
export const alertViewSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    issueId: z.string(),
    kind: z.enum(alertKinds),
    title: z.string(),
    body: z.string(),
    raisedAt: z.string(),
    /** The role it is addressed to now (it moves up when it escalates). */
    level: z.enum(roles),
    escalatedAt: z.nullable(z.string()),
    /** Who said "I'm on it", and when; null while nobody has. */
    ackedBy: z.nullable(person),
    ackedAt: z.nullable(z.string()),
    /** The title and body as phrases; absent from servers before phrases and on alerts raised before them. */
    said: z.exactOptional(alertSaidSchema),
  }),
);
export type AlertView = z.infer<typeof alertViewSchema>;

export const alertsAnswerSchema = lazySchema(() => z.object({ alerts: z.array(alertViewSchema) }));
export const alertAckAnswerSchema = lazySchema(() =>
  z.object({
    /** True when this device answered first; false when someone else had already. */
    first: z.boolean(),
    alert: alertViewSchema,
  }),
);
