import { afterEach, describe, expect, it } from 'vitest';
import de from '../../../src/app/i18n/catalogs/de';
import es from '../../../src/app/i18n/catalogs/es';
import fr from '../../../src/app/i18n/catalogs/fr';
import nl from '../../../src/app/i18n/catalogs/nl';
import { activate, activeLocale, type Catalog, templateOf } from '../../../src/app/i18n/messages';
import { alertWords } from '../../../src/app/i18n/said';
import type { NotificationWords } from '../../../src/db/notification-words';
import { alertKinds, alertText } from '../../../src/domain/alerts';
import { defaultEvent } from '../../../src/domain/event';
import type { Issue } from '../../../src/domain/issue';
import { applyMutation } from '../../../src/domain/mutators';
import { isCode, isPhrase, type Phrase, type PhraseValue } from '../../../src/domain/phrase';
import { valueText } from '../../../src/domain/phrase-text';
import { wordOf } from '../../../src/domain/phrase-words';
import { notificationMessageIds, type PushPayload, pushPayloadSchema } from '../../../src/domain/push-payload';
import { alertNotificationText, unreadableNotificationText } from '../../../sw/alert-words';

globalThis.document ??= { documentElement: {} } as Document;
afterEach(() => activate('en', null, null));

const event = defaultEvent('festival', 'Europe/Amsterdam');
const catalogs: Record<string, Catalog> = { nl, de, fr, es };
const actor = { id: 'staff-sam', name: 'Sam', role: 'staff' as const };
const description = {
  name: 'Noor',
  age: '6',
  clothing: 'red coat',
  lastSeenPlace: 'Gate B',
  lastSeenAt: null,
  lookingForThem: 'Mother at the info tent',
};
const child: Issue = applyMutation(
  undefined,
  'createIssue',
  {
    id: '019f4ab9-c3f3-766f-8ffa-091b907f1607',
    eventId: 'festival',
    category: 'lost-person',
    summary: 'Lost child',
    zoneId: 'main-gate',
    lostPerson: description,
  },
  { now: '2026-07-10T12:00:00.000Z', actor, mutationUuid: 'm-1' },
);
const nowhere: Issue = { ...child, zoneId: null, lostPerson: undefined, summary: 'Fight near the bar' };

/** The message ids a value says itself with (a zone's name aside: the festival's own). */
function idsIn(value: PhraseValue): string[] {
  if (typeof value === 'string' || typeof value === 'number') return [];
  if (Array.isArray(value)) return value.flatMap(idsIn);
  if (isCode(value as PhraseValue)) {
    const code = value as { of: string; code: string };
    return code.of === 'zone' ? [] : [wordOf(code.of, code.code)!];
  }
  const phrase = value as Phrase;
  return isPhrase(phrase) ? [phrase.id, ...Object.values(phrase.values ?? {}).flatMap(idsIn)] : [];
}

function payloadOf(issue: Issue, kind: (typeof alertKinds)[number]): PushPayload {
  const { title, body, said } = alertText(issue, kind, event);
  return pushPayloadSchema.parse({
    kind: 'alert',
    alertId: 'a-1',
    issueId: issue.id,
    title,
    body,
    url: `/issues/${issue.id}`,
    at: '2026-07-10T12:00:00.000Z',
    said,
  });
}

/** What the page leaves the service worker after switching to a language. */
function wordsIn(locale: 'nl' | 'de' | 'fr' | 'es'): NotificationWords {
  activate(locale, catalogs[locale]!, null);
  const words = { locale: activeLocale(), words: Object.fromEntries(notificationMessageIds.map((id) => [id, templateOf(id)])) };
  activate('en', null, null);
  return words;
}

describe('alert words on a banner and a lock screen', () => {
  it('every kind of alert says its title and body as phrases whose English is the stored text', () => {
    for (const kind of alertKinds) {
      for (const issue of [child, nowhere]) {
        const { title, body, said } = alertText(issue, kind, event);
        expect(valueText(said.title)).toBe(title);
        expect(valueText(said.body)).toBe(body);
        // The service worker has every id it needs, and every catalog has them.
        for (const id of [...idsIn(said.title), ...idsIn(said.body)]) {
          expect(notificationMessageIds, id).toContain(id);
          for (const [locale, catalog] of Object.entries(catalogs)) expect(catalog[id], `${locale}: ${id}`).toBeDefined();
        }
      }
    }
  });

  it('the service worker says a lost child’s alert in the language the phone’s person chose, the description as typed', () => {
    const payload = payloadOf(child, 'lost-person');
    expect(alertNotificationText(payload, wordsIn('nl'))).toEqual({
      title: 'Vermiste persoon · Hoofdingang',
      body: 'Noor, leeftijd 6, draagt red coat, laatst gezien bij Gate B',
    });
    expect(alertNotificationText(payload, wordsIn('es')).title).toBe('Persona desaparecida · Entrada principal');
    expect(unreadableNotificationText(wordsIn('de'))).toBe('Etwas braucht Aufmerksamkeit. Öffne Helptent, um es zu sehen.');
  });

  it('English when the page never left words, or the server sent no phrases (a server from before them)', () => {
    const payload = payloadOf(child, 'lost-person');
    expect(alertNotificationText(payload, null)).toEqual({ title: payload.title, body: payload.body });
    const { said: _, ...older } = payload;
    expect(alertNotificationText(older, wordsIn('fr'))).toEqual({ title: payload.title, body: payload.body });
    expect(unreadableNotificationText(null)).toBe('Something needs attention. Open Helptent to see it.');
  });

  it('the in-app banner says the same in the UI’s language, and an alert from before phrases as it came', () => {
    const { title, body, said } = alertText(nowhere, 'urgent', event);
    activate('fr', fr, null);
    expect(alertWords({ title, body, said })).toEqual({ title: 'Demande urgente', body: 'Fight near the bar' });
    expect(alertWords({ title, body })).toEqual({ title: 'Urgent issue', body: 'Fight near the bar' });
  });
});
