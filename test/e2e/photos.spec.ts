import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { startServer } from './helpers';
import { cameraPhoto, readStoredPhotoFiles } from './photo-fixture';
import { createEventWithCodes, joinedDevice, logIssue, openIssue } from './sync-helpers';
import { startThrottlingProxy } from './throttling-proxy';

// Several browsers and a server of their own per test: run these on one project only.
test.skip(({ isMobile }) => !isMobile, 'multi-device flows run once, in the phone project');
test.setTimeout(150_000);

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(
    results.violations.map((v) => `${where}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

async function expectTouchTarget(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, await locator.evaluate((el) => el.outerHTML.slice(0, 80))).not.toBeNull();
  expect(box!.height).toBeGreaterThanOrEqual(48);
  expect(box!.width).toBeGreaterThanOrEqual(48);
  void page;
}

const photoStates = (page: Page) => page.getByRole('list', { name: 'Photos' }).getByTestId('photo-state');

/** Every photo file the server stored (a folder beside its SQLite file), each checked against its name. */
function storedOnServer(databaseUrl: string): string[] {
  const dir = join(dirname(fileURLToPath(`file://${databaseUrl.replace(/^sqlite:/, '')}`)), 'photos');
  const hashes: string[] = [];
  for (const sub of readdirSync(dir)) {
    if (!/^[0-9a-f]{2}$/.test(sub)) continue;
    for (const name of readdirSync(join(dir, sub))) {
      if (!/^[0-9a-f]{64}$/.test(name)) continue;
      expect(
        createHash('sha256')
          .update(readFileSync(join(dir, sub, name)))
          .digest('hex'),
      ).toBe(name);
      hashes.push(name);
    }
  }
  return hashes.sort();
}

/** The hashes of the photo files the phone holds, full pictures and thumbnails. */
function phoneHashes(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const opening = indexedDB.open('helptent');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const keys = opening.result.transaction('photoFiles').objectStore('photoFiles').getAllKeys();
          keys.onsuccess = () => {
            opening.result.close();
            resolve((keys.result as string[]).sort());
          };
        };
      }),
  );
}

/** The hashes still in the phone's upload queue. */
function waitingUploads(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const opening = indexedDB.open('helptent');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const keys = opening.result.transaction('photoUploads').objectStore('photoUploads').getAllKeys();
          keys.onsuccess = () => {
            opening.result.close();
            resolve(keys.result as string[]);
          };
        };
      }),
  );
}

test('photos taken offline keep no location, survive a reload, upload when signal returns and show on a coordinator’s phone', async ({
  browser,
}) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const staff = await joinedDevice(browser, server.url, codes.staff, 'Sam');
    const { page } = staff;
    const photos = [await cameraPhoto(page, 1), await cameraPhoto(page, 2)];
    expect(photos.every((photo) => photo.buffer.length > 1_000_000)).toBe(true);
    expect(photos.every((photo) => photo.buffer.includes('HelptentCam'))).toBe(true);

    await logIssue(page, 'Lost property', 'Black backpack with a broken zip');
    await expect(page.getByTestId('sync-line')).toContainText('nothing waiting');
    await openIssue(page, 'Black backpack with a broken zip');

    await staff.context.setOffline(true);
    await page.reload();
    const section = page.getByRole('region', { name: 'Photos' });
    await expect(section).toContainText('No photos yet.');
    await expectTouchTarget(page, section.locator('label', { hasText: 'Add photos' }));
    await section.getByLabel('Add photos').setInputFiles(photos);
    await expect(section.getByRole('status')).toHaveText('2 photos saved on this phone.', { timeout: 30_000 });
    await expect(photoStates(page)).toHaveText(['On this phone only', 'On this phone only']);

    // What the phone stored: JPEG or WebP, shrunk, turned upright, and nothing of the camera's EXIF.
    const stored = await readStoredPhotoFiles(page);
    expect(stored).toHaveLength(4);
    for (const file of stored) {
      expect(file).toMatchObject({ uploaded: false, hasApp1: false, hasExifText: false, hasCameraName: false });
      expect(['image/jpeg', 'image/webp']).toContain(file.type);
    }
    // Orientation 6: the 4000 × 3000 picture stands upright, 1200 × 1600 and 240 × 320.
    expect(stored.filter((file) => file.role === 'full').map((file) => [file.width, file.height])).toEqual([
      [1200, 1600],
      [1200, 1600],
    ]);
    expect(stored.filter((file) => file.role === 'thumb').map((file) => [file.width, file.height])).toEqual([
      [240, 320],
      [240, 320],
    ]);

    await page.reload();
    await expect(photoStates(page)).toHaveText(['On this phone only', 'On this phone only']);
    const thumbnails = page.getByRole('list', { name: 'Photos' }).getByRole('img');
    await expect(thumbnails).toHaveCount(2);
    await expect(thumbnails.first()).toHaveAttribute('alt', /^Photo 1 of 2, added .+ by Sam$/);

    await staff.context.setOffline(false);
    await expect(photoStates(page)).toHaveText(['On the server', 'On the server'], { timeout: 40_000 });
    expect(storedOnServer(server.databaseUrl)).toEqual(await phoneHashes(page));

    await page.goto('/settings');
    const storage = page.getByRole('region', { name: 'Photos on this phone' });
    await expect(storage.getByTestId('photo-storage')).toHaveText(
      /^Photos use [\d.]+ (KB|MB) of the 200 MB set aside for them \(4 files\)\.$/,
    );
    await expect(storage.getByLabel('Space for photos')).toHaveValue('200000000');
    await expectNoViolations(page, '/settings (photos stored)');

    // The coordinator's phone fetches the thumbnails, and the full picture on a tap.
    const coordinator = await joinedDevice(browser, server.url, codes.coordinator, 'Robin');
    await openIssue(coordinator.page, 'Black backpack with a broken zip');
    const shown = coordinator.page.getByRole('list', { name: 'Photos' }).getByRole('img');
    await expect(shown).toHaveCount(2, { timeout: 20_000 });
    await expect(photoStates(coordinator.page)).toHaveText(['On the server', 'On the server']);
    expect(await shown.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
    const open = coordinator.page.getByRole('button', { name: /^Photo 1 of 2, added .+ by Sam$/ });
    await expectTouchTarget(coordinator.page, open);
    await expectNoViolations(coordinator.page, 'issue screen (photos)');
    await open.click();
    const viewer = coordinator.page.getByRole('dialog', { name: /^Photo 1 of 2/ });
    const full = viewer.getByRole('img', { name: /^Photo 1 of 2, added .+ by Sam, full size$/ });
    await expect(full).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.complete && img.naturalHeight)).toBe(1600);
    await expectTouchTarget(coordinator.page, viewer.getByRole('button', { name: 'Close' }));
    await expectNoViolations(coordinator.page, 'full-size photo');
    await viewer.getByRole('button', { name: 'Close' }).click();
    await expect(viewer).toBeHidden();
    await coordinator.context.close();
  } finally {
    await server.stop('SIGKILL');
  }
});

test('a server killed in the middle of an upload: after its restart each photo arrives once, resumed where it stopped', async ({
  browser,
}) => {
  let server = await startServer();
  const proxy = await startThrottlingProxy(Number(new URL(server.url).port));
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const staff = await joinedDevice(browser, proxy.url, codes.staff, 'Sam');
    const { page } = staff;
    // The second picture is full of detail: its stored copy takes two upload chunks.
    const photos = [await cameraPhoto(page, 3), await cameraPhoto(page, 4, { detailed: true })];
    await logIssue(page, 'Lost property', 'Silver bike lock key');
    await openIssue(page, 'Silver bike lock key');

    // A festival's uplink: a chunk takes several seconds.
    proxy.throttle(64 * 1024);
    await page.getByLabel('Add photos').setInputFiles(photos);
    await expect(page.getByRole('region', { name: 'Photos' }).getByRole('status')).toHaveText('2 photos saved on this phone.', {
      timeout: 30_000,
    });
    // The detailed picture is partly on the server (thumbnails and the first picture went first):
    // its second chunk is on its way, so the server acknowledged the first. The server dies now.
    const laterChunks = () => proxy.photoRequests.filter((line) => /^PUT .*offset=[1-9]/.test(line));
    await expect.poll(() => laterChunks().length, { timeout: 60_000, intervals: [50] }).toBeGreaterThan(0);
    expect(await server.stop('SIGKILL')).toBe(null);
    const beforeRestart = proxy.photoRequests.length;
    const waiting = await waitingUploads(page);
    await expect(photoStates(page).filter({ hasText: /^Uploading \d+%$/ })).not.toHaveCount(0);
    await expect(photoStates(page).filter({ hasText: 'On the server' })).not.toHaveCount(2);
    // Beside each photo's percent, the queue as a whole: the first photo is up, the second on its way.
    await expect(page.getByTestId('photo-upload-progress')).toContainText('Uploading photos: 1 of 2');
    await expect(page.getByRole('progressbar', { name: /Uploading photos/ })).toHaveAttribute('max', '2');

    server = await server.restart();
    proxy.throttle(null);
    await expect(photoStates(page)).toHaveText(['On the server', 'On the server'], { timeout: 40_000 });
    await expect(page.getByTestId('photo-upload-progress')).toBeHidden();

    // On the server: the four files, each once, each the bytes its name promises.
    const hashes = await phoneHashes(page);
    expect(hashes).toHaveLength(4);
    expect(storedOnServer(server.databaseUrl)).toEqual(hashes);
    const putOf = (line: string) => /^PUT \/api\/photos\/([0-9a-f]{64})\/upload\?offset=(\d+)/.exec(line);
    const putsAfter = proxy.photoRequests
      .slice(beforeRestart)
      .map(putOf)
      .filter((match) => match !== null);
    // A file the server had whole before it died was not sent again.
    const done = hashes.filter((hash) => !waiting.includes(hash));
    expect(done.length).toBeGreaterThan(0);
    expect(putsAfter.filter((match) => done.includes(match[1]!))).toEqual([]);
    // The partly sent one went on from where the server stood, not from 0.
    const partlySent = new Set(
      proxy.photoRequests
        .slice(0, beforeRestart)
        .map(putOf)
        .filter((match) => match && Number(match[2]) > 0)
        .map((match) => match![1]!),
    );
    expect(partlySent.size).toBeGreaterThan(0);
    for (const hash of partlySent) {
      const resumed = putsAfter.find((match) => match[1] === hash);
      expect(Number(resumed?.[2]), hash).toBeGreaterThan(0);
    }
  } finally {
    await proxy.close();
    await server.stop('SIGKILL');
  }
});
