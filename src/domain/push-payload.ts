import * as z from 'zod/mini';
import { alertMessageIds, alertSaidSchema } from './alerts';
import { lazySchema } from './lazy-schema';
import { say } from './phrase';

/**
 * What a Web Push message carries to a phone whose app is closed, read by the service worker
 * (sw/push-handlers.ts) and built by the server's alert engine (src/server/push/push-sender.ts).
 *
 * The payload is encrypted end to end (RFC 8291: only the phone's browser can read it, not the
 * push service), but the notification it becomes is shown on a lock screen to whoever holds the
 * phone. So the title and body say what kind of case and where ("Lost child at Gate B"), never an
 * attendee's name, contact details or health; the issue screen shows the rest after unlocking.
 */

/** Short enough for a lock screen; together far below the 4 KB a push message may carry. */
export const maxPushTitle = 80;
export const maxPushBody = 240;

/**
 * A path inside the app ("/issues/<id>"), never an address elsewhere: a tap on the notification
 * must not open another site. One leading slash, then no second one and no backslash (browsers
 * read "//host" and "/\host" as another host).
 */
const appPath = lazySchema(() =>
  z
    .string()
    .check(
      z.maxLength(300, 'must be at most 300 characters'),
      z.regex(/^\/(?![/\\])[^\s\\]*$/, 'must be a path in the app, like /issues/<id>'),
    ),
);

const text = (max: number) =>
  z.string().check(z.minLength(1, 'is required'), z.maxLength(max, `must be at most ${max} characters`));
const id = lazySchema(() => z.string().check(z.minLength(1, 'is required'), z.maxLength(100, 'must be at most 100 characters')));

export const pushPayloadSchema = lazySchema(() =>
  z.object({
    kind: z.literal('alert'),
    alertId: id,
    issueId: id,
    title: text(maxPushTitle),
    body: text(maxPushBody),
    url: appPath,
    /** When the server raised the alert (server clock, ISO 8601). */
    at: z.iso.datetime({ offset: true }),
    /**
     * The title and body as phrases: the service worker says them in the language of the person
     * using the phone (src/db/notification-words.ts), which the server does not know. Absent from
     * older servers and where it would not fit; `title` and `body` are the English.
     */
    said: z.exactOptional(alertSaidSchema),
  }),
);
export type PushPayload = z.infer<typeof pushPayloadSchema>;

/** What a notification says when a push cannot be read (every push must show one). */
export const unreadableAlert = say('Something needs attention. Open Helptent to see it.');

/** The message ids the service worker says notifications with: the page gives it these in the phone's language. */
export const notificationMessageIds: readonly string[] = [...alertMessageIds, unreadableAlert.id];

/** The app path of an issue's screen, where a tap on its alert leads. */
export const issuePath = (issueId: string): string => `/issues/${encodeURIComponent(issueId)}`;

/**
 * What the service worker posts to every open Helptent window when an alert arrives, so the
 * in-app banner can show it at once: `{ type: 'alert', payload }`.
 */
export const alertMessageSchema = lazySchema(() => z.object({ type: z.literal('alert'), payload: pushPayloadSchema }));
export type AlertMessage = z.infer<typeof alertMessageSchema>;
