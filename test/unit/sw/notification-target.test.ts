import { describe, expect, it } from 'vitest';
import { appUrl, type ClientsLike, openAppAt, type WindowLike } from '../../../sw/notification-target';

const origin = 'https://helptent.festival.example';

/** Windows as the service worker sees them; each records what was done to it. */
function fakeClients(windows: { url: string; focus?: 'ok' | 'refused'; navigate?: 'ok' | 'not-ours' }[]) {
  const done: string[] = [];
  const clients: ClientsLike = {
    matchAll: async () =>
      windows.map(
        (w, i): WindowLike => ({
          url: w.url,
          focus: async () => {
            if (w.focus === 'refused') throw new DOMException('Not allowed to focus a window.', 'InvalidAccessError');
            done.push(`focus ${i}`);
          },
          navigate: async (url) => {
            if (w.navigate === 'not-ours') throw new TypeError('This service worker is not the client’s active service worker.');
            done.push(`navigate ${i} ${url}`);
            return {};
          },
        }),
      ),
    openWindow: async (url) => {
      done.push(`open ${url}`);
      return {};
    },
  };
  return { clients, done };
}

describe('a tap on an alert', () => {
  it('brings the open Helptent window to the front at the issue', async () => {
    const { clients, done } = fakeClients([{ url: `${origin}/queue` }]);
    await openAppAt(clients, `${origin}/issues/abc`);
    expect(done).toEqual(['focus 0', `navigate 0 ${origin}/issues/abc`]);
  });

  it('opens Helptent at the issue when no window is open', async () => {
    const { clients, done } = fakeClients([]);
    await openAppAt(clients, `${origin}/issues/abc`);
    expect(done).toEqual([`open ${origin}/issues/abc`]);
  });

  it('still lands on the issue when focusing is refused or a window is not under this worker', async () => {
    const refused = fakeClients([{ url: `${origin}/`, focus: 'refused' }]);
    await openAppAt(refused.clients, `${origin}/issues/abc`);
    expect(refused.done).toEqual([`navigate 0 ${origin}/issues/abc`]);

    const notOurs = fakeClients([{ url: `${origin}/`, navigate: 'not-ours' }, { url: `${origin}/settings` }]);
    await openAppAt(notOurs.clients, `${origin}/issues/abc`);
    expect(notOurs.done).toEqual(['focus 0', 'focus 1', `navigate 1 ${origin}/issues/abc`]);

    const none = fakeClients([{ url: `${origin}/`, navigate: 'not-ours' }]);
    await openAppAt(none.clients, `${origin}/issues/abc`);
    expect(none.done).toEqual(['focus 0', `open ${origin}/issues/abc`]);
  });

  it('only ever opens a page of this app', () => {
    expect(appUrl('/issues/0190f0e2-7a1c', origin)).toBe(`${origin}/issues/0190f0e2-7a1c`);
    for (const foreign of ['https://evil.example/', '//evil.example/x', 'javascript:alert(1)', '', 42, null, undefined]) {
      expect(appUrl(foreign, origin), String(foreign)).toBe(`${origin}/queue`);
    }
  });
});
