import type { SavedChange } from '../db/save-change';
import { AppError } from '../domain/app-error';
import type { EventMutationName } from '../domain/event-mutations';
import type { MutationName } from '../domain/mutation-args';
import type { MutationContext } from '../domain/mutators';
import type { Phrase } from '../domain/phrase';
import { uuidV7 } from '../domain/uuid-v7';
import { afterFirstScreen } from './first-screen';
import { t } from './i18n/messages';
import type { Session } from './session';
import { requestSync } from './sync-bridge';

export function newId(): string {
  return uuidV7(Date.now(), crypto.getRandomValues(new Uint8Array(10)));
}

/**
 * The one way screens change issues: stamps the change with this device's time, the current
 * staff member and a fresh mutation id, then saves it with its outbox entry.
 */
export async function makeChange(
  session: Session,
  name: MutationName,
  args: unknown,
  options: { clearDraftKey?: string } = {},
): Promise<SavedChange> {
  const { saveChange } = await loadSaveChange();
  const saved = await saveChange(session.db, session.event, { name, args, context: contextOf(session), ...options }).catch(
    sayable,
  );
  requestSync();
  return saved;
}

/** Changes that stand or fall together, each with its own mutation id, saved in one transaction. */
export async function makeChanges(session: Session, changes: readonly { name: MutationName; args: unknown }[]): Promise<void> {
  const { saveChanges } = await loadSaveChange();
  await saveChanges(
    session.db,
    session.event,
    changes.map((change) => ({ ...change, context: contextOf(session) })),
  ).catch(sayable);
  requestSync();
}

/** A change to the festival settings (coordinators and organizers), synced like any change. */
export async function makeEventChange(session: Session, name: EventMutationName, args: unknown): Promise<void> {
  const { saveEventChange } = await loadSaveChange();
  await saveEventChange(session.db, { name, args, context: contextOf(session) }).catch(sayable);
  requestSync();
}

/** This device's time, the person using it with the role the phone has, and a fresh mutation id. */
export function contextOf(session: Session): MutationContext {
  const person = session.staff.current;
  if (!person) throw new AppError('invalid', t('Choose who you are in Settings before logging or changing issues.'));
  return {
    now: new Date().toISOString(),
    actor: { id: person.id, name: person.name, role: session.role },
    mutationUuid: newId(),
  };
}

/**
 * Validation and mutators (zod) are only needed once something is saved, so they stay out of
 * the first load; the service worker has them precached, and they are warmed up when idle.
 */
const loadSaveChange = () => import('../db/save-change');

export function preloadChangeCode(): void {
  afterFirstScreen(() => {
    void loadSaveChange();
    void loadSaid();
  });
}

/**
 * What says the domain's phrases, loaded with the change code: a refusal with a phrase (an
 * invalid status change) comes from the mutators, which are loaded after the first screen too.
 */
let sayPhrase: ((phrase: Phrase) => string) | null = null;
async function loadSaid(): Promise<void> {
  sayPhrase ??= (await import('./i18n/said')).said;
}

/** Rethrows a refusal once what says its phrase is loaded, so errorMessage can say it. */
async function sayable(error: unknown): Promise<never> {
  if (error instanceof AppError && error.phrase) await loadSaid().catch(() => undefined);
  throw error;
}

export function errorMessage(error: unknown): string {
  // Messages the catalog knows (the phone's own, the sync engine's, the server's validation)
  // are shown in the person's language; any other is shown as it came.
  if (error instanceof AppError) return error.phrase && sayPhrase ? sayPhrase(error.phrase) : t(error.message);
  return t('Something went wrong and the change was not saved. What you typed is still here; try again.');
}
