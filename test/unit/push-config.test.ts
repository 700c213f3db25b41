import { describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { loadConfig, placeholderVapidSubject } from '../../src/server/config';

describe('Web Push configuration', () => {
  it('needs nothing set: keys come from the database, the subject is a placeholder, private endpoints are refused', () => {
    expect(loadConfig({}, '/srv').push).toEqual({
      vapidKeys: null,
      subject: placeholderVapidSubject,
      subjectConfigured: false,
      allowPrivateEndpoints: false,
    });
  });

  it('takes a VAPID key pair and subject from the environment', () => {
    const pair = webpush.generateVAPIDKeys();
    const push = loadConfig(
      {
        HELPTENT_VAPID_PUBLIC_KEY: pair.publicKey,
        HELPTENT_VAPID_PRIVATE_KEY: pair.privateKey,
        HELPTENT_VAPID_SUBJECT: 'mailto:ops@dijkdrift.nl',
        HELPTENT_PUSH_ALLOW_PRIVATE_ENDPOINTS: '1',
      },
      '/srv',
    ).push;
    expect(push).toEqual({
      vapidKeys: pair,
      subject: 'mailto:ops@dijkdrift.nl',
      subjectConfigured: true,
      allowPrivateEndpoints: true,
    });
  });

  it('refuses half a pair, two halves of different pairs, and keys of the wrong size, saying which', () => {
    const one = webpush.generateVAPIDKeys();
    const other = webpush.generateVAPIDKeys();
    expect(() => loadConfig({ HELPTENT_VAPID_PUBLIC_KEY: one.publicKey }, '/srv')).toThrow(
      /Set both HELPTENT_VAPID_PUBLIC_KEY and/,
    );
    expect(() =>
      loadConfig({ HELPTENT_VAPID_PUBLIC_KEY: one.publicKey, HELPTENT_VAPID_PRIVATE_KEY: other.privateKey }, '/srv'),
    ).toThrow(/is not the public key of HELPTENT_VAPID_PRIVATE_KEY/);
    expect(() => loadConfig({ HELPTENT_VAPID_PUBLIC_KEY: 'abc', HELPTENT_VAPID_PRIVATE_KEY: one.privateKey }, '/srv')).toThrow(
      /HELPTENT_VAPID_PUBLIC_KEY must be a P-256 public key/,
    );
    expect(() => loadConfig({ HELPTENT_VAPID_PUBLIC_KEY: one.publicKey, HELPTENT_VAPID_PRIVATE_KEY: 'abc' }, '/srv')).toThrow(
      /HELPTENT_VAPID_PRIVATE_KEY must be a P-256 private key/,
    );
  });

  it('refuses a subject push services cannot use: not mailto:/https:, or on localhost (Apple refuses it)', () => {
    expect(() => loadConfig({ HELPTENT_VAPID_SUBJECT: 'ops@dijkdrift.nl' }, '/srv')).toThrow(
      /HELPTENT_VAPID_SUBJECT.*mailto: or https:/,
    );
    expect(() => loadConfig({ HELPTENT_VAPID_SUBJECT: 'mailto:me@localhost' }, '/srv')).toThrow(/localhost.*BadJwtToken/);
    expect(() => loadConfig({ HELPTENT_VAPID_SUBJECT: 'https://localhost:3000/' }, '/srv')).toThrow(/localhost/);
    expect(loadConfig({ HELPTENT_VAPID_SUBJECT: 'https://dijkdrift.nl/contact' }, '/srv').push.subject).toBe(
      'https://dijkdrift.nl/contact',
    );
  });
});
