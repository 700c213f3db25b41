import type { HelptentDatabase } from './database';

/**
 * The few strings the service worker needs to say an alert on a lock screen, in the language of
 * the person using the phone: the service worker has no catalog (it stays small, and the server
 * does not know who holds the phone), so the page writes them here from its catalog whenever the
 * language changes, and the service worker reads them when a push arrives. A preference of the
 * phone, like the language itself, kept in the meta table.
 */
export interface NotificationWords {
  /** The UI language they are in ("nl"). */
  locale: string;
  /** Message id → its template in that language. */
  words: Record<string, string>;
}

const key = 'notificationWords';

export async function saveNotificationWords(db: HelptentDatabase, words: NotificationWords): Promise<void> {
  const current = (await db.meta.get(key))?.value as NotificationWords | undefined;
  if (current && JSON.stringify(current) === JSON.stringify(words)) return;
  await db.meta.put({ key, value: words });
}

/** The words the page last wrote; null before any (the service worker then speaks English). */
export async function readNotificationWords(db: HelptentDatabase): Promise<NotificationWords | null> {
  const value = (await db.meta.get(key))?.value as Partial<NotificationWords> | undefined;
  if (!value || typeof value.locale !== 'string' || !value.words || typeof value.words !== 'object') return null;
  return { locale: value.locale, words: value.words };
}
