import { describe, expect, it } from 'vitest';
import { type PushEnvironment, pushAvailability } from '../../../src/sync/push-availability';

const android =
  'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const iphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const ipad =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

const phone = (overrides: Partial<PushEnvironment>): PushEnvironment => ({
  userAgent: android,
  maxTouchPoints: 5,
  standalone: false,
  secure: true,
  hasServiceWorker: true,
  hasPushManager: true,
  hasNotification: true,
  permission: 'default',
  ...overrides,
});

describe('whether this phone can get alerts while Helptent is closed', () => {
  it('can on Android, asking first, or already allowed', () => {
    expect(pushAvailability(phone({}))).toEqual({ kind: 'available', permission: 'default' });
    expect(pushAvailability(phone({ permission: 'granted' }))).toEqual({ kind: 'available', permission: 'granted' });
  });

  it('says notifications are blocked when the person refused them', () => {
    expect(pushAvailability(phone({ permission: 'denied' }))).toEqual({ kind: 'blocked' });
  });

  it('tells an iPhone or iPad in a Safari tab to add Helptent to the Home Screen', () => {
    const tab = { userAgent: iphone, hasPushManager: false, hasNotification: false, permission: null };
    expect(pushAvailability(phone(tab))).toEqual({ kind: 'needs-home-screen' });
    // iPadOS says it is a Mac; its touch screen gives it away.
    expect(pushAvailability(phone({ ...tab, userAgent: ipad, maxTouchPoints: 5 }))).toEqual({ kind: 'needs-home-screen' });
    // A real Mac's Safari has push in the tab.
    expect(pushAvailability(phone({ userAgent: ipad, maxTouchPoints: 0 }))).toEqual({ kind: 'available', permission: 'default' });
  });

  it('can on an iPhone from the Home Screen with iOS 16.4 or later, and says when iOS is older', () => {
    expect(pushAvailability(phone({ userAgent: iphone, standalone: true }))).toEqual({
      kind: 'available',
      permission: 'default',
    });
    expect(pushAvailability(phone({ userAgent: iphone, standalone: true, hasPushManager: false }))).toEqual({
      kind: 'ios-too-old',
    });
  });

  it('says when the browser has no push, or the app is open over http', () => {
    expect(pushAvailability(phone({ hasPushManager: false }))).toEqual({ kind: 'unsupported' });
    expect(pushAvailability(phone({ hasServiceWorker: false }))).toEqual({ kind: 'unsupported' });
    expect(pushAvailability(phone({ secure: false }))).toEqual({ kind: 'insecure' });
  });
});
