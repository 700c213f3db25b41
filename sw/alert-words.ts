import type { NotificationWords } from '../src/db/notification-words';
import { english, type PhraseLanguage, phraseText, valueText } from '../src/domain/phrase-text';
import { maxPushBody, maxPushTitle, type PushPayload, unreadableAlert } from '../src/domain/push-payload';

/**
 * What a notification says, in the language of the person using the phone: the phrases of the
 * payload said with the words the page left (src/db/notification-words.ts). English, the
 * payload's own title and body, when the page never left any, or the server sent no phrases.
 * Apart from the worker's globals so a unit test can read it.
 */
export function notificationLanguage(stored: NotificationWords | null): PhraseLanguage {
  if (!stored) return english;
  const locale = stored.locale === 'en-XA' ? 'en' : stored.locale;
  return {
    template: (id) => stored.words[id] ?? id,
    number: (value) => {
      try {
        return value.toLocaleString(locale);
      } catch {
        return value.toLocaleString('en');
      }
    },
  };
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text) || '—';

export function alertNotificationText(payload: PushPayload, stored: NotificationWords | null): { title: string; body: string } {
  if (!payload.said || !stored) return { title: payload.title, body: payload.body };
  const language = notificationLanguage(stored);
  return {
    title: clip(valueText(payload.said.title, language), maxPushTitle),
    body: clip(valueText(payload.said.body, language), maxPushBody),
  };
}

export function unreadableNotificationText(stored: NotificationWords | null): string {
  return phraseText(unreadableAlert, notificationLanguage(stored));
}
