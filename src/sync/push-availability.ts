/**
 * Whether this phone can get alerts while Helptent is closed, and if not, why: a pure function of
 * what the browser reports, so every case (an iPhone's Safari tab, an old iOS, a browser without
 * push, notifications blocked) is tested without that phone.
 */
export type PushAvailability =
  /** Push works here; `permission` says whether the person has been asked yet. */
  | { kind: 'available'; permission: 'default' | 'granted' }
  /** The person (or the browser) refused notifications for Helptent. */
  | { kind: 'blocked' }
  /** An iPhone or iPad with Helptent in a browser tab: push needs it on the Home Screen. */
  | { kind: 'needs-home-screen' }
  /** On the Home Screen, but iOS is older than 16.4, which brought Web Push. */
  | { kind: 'ios-too-old' }
  /** Opened over plain http: browsers allow push (and offline use) only over https. */
  | { kind: 'insecure' }
  /** This browser has no Web Push. */
  | { kind: 'unsupported' };

export interface PushEnvironment {
  userAgent: string;
  /** iPadOS says "Macintosh"; touch points tell it apart from a Mac. */
  maxTouchPoints: number;
  /** Opened from the Home Screen (display-mode standalone, or iOS's navigator.standalone). */
  standalone: boolean;
  secure: boolean;
  hasServiceWorker: boolean;
  hasPushManager: boolean;
  hasNotification: boolean;
  permission: NotificationPermission | null;
}

export function isAppleMobile(env: Pick<PushEnvironment, 'userAgent' | 'maxTouchPoints'>): boolean {
  return /iPhone|iPad|iPod/.test(env.userAgent) || (/Macintosh/.test(env.userAgent) && env.maxTouchPoints > 1);
}

export function pushAvailability(env: PushEnvironment): PushAvailability {
  if (!env.secure) return { kind: 'insecure' };
  const pushApis = env.hasServiceWorker && env.hasPushManager && env.hasNotification;
  if (isAppleMobile(env)) {
    // Every browser on iOS is Safari's engine; push is only for web apps opened from the Home Screen.
    if (!env.standalone) return { kind: 'needs-home-screen' };
    if (!pushApis) return { kind: 'ios-too-old' };
  } else if (!pushApis) {
    return { kind: 'unsupported' };
  }
  if (env.permission === 'denied') return { kind: 'blocked' };
  return { kind: 'available', permission: env.permission === 'granted' ? 'granted' : 'default' };
}
