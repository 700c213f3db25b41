/**
 * "This browser had joined an event": a cookie the server sets when a phone joins. Safari deletes
 * a site's IndexedDB, localStorage, caches and service worker after days without use (unless
 * Helptent is on the Home Screen), but it keeps cookies a server set, so a phone that finds its
 * storage empty can tell its person what happened and lead them back to joining. The cookie holds
 * nothing secret (no token, no device id) and the server never reads it.
 */
export const joinedMarkerName = 'helptent-joined';

/** About 400 days, the longest browsers keep a cookie. */
const maxAgeSeconds = 400 * 24 * 60 * 60;

export function joinedMarkerCookie(secure: boolean): string {
  return `${joinedMarkerName}=1; Path=/; Max-Age=${maxAgeSeconds}; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** Forgets the marker: a person who signed out and cleared the phone did it on purpose. */
export const expiredJoinedMarkerCookie = `${joinedMarkerName}=; Path=/; Max-Age=0; SameSite=Strict`;

/** Whether a Cookie header (or document.cookie) carries the marker. */
export function hasJoinedMarker(cookies: string): boolean {
  return /(^|;\s*)helptent-joined=1/.test(cookies);
}
