import type { HelptentDatabase } from '../../db/database';
import { saveNotificationWords } from '../../db/notification-words';
import { notificationMessageIds } from '../../domain/push-payload';
import { activeLocale, templateOf } from './messages';

/**
 * Leaves the service worker the strings it says alerts with, in the UI's language now: an alert
 * that arrives with Helptent closed then reads in the language of the person who used the phone
 * last. Loaded after the first screen (session.tsx).
 */
export function writeNotificationWords(db: HelptentDatabase): Promise<void> {
  const words = Object.fromEntries(notificationMessageIds.map((id) => [id, templateOf(id)]));
  return saveNotificationWords(db, { locale: activeLocale(), words });
}
