import type { Page } from '@playwright/test';

/** Every record of every store of the phone's real database, as JSON, read through the browser. */
export function readPhoneDatabase(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const opening = indexedDB.open('helptent');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, string> = {};
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => {
              out[name] = JSON.stringify(all.result);
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Everything the phone's database holds, every store, as one text. */
export async function phoneStorageText(page: Page): Promise<string> {
  return Object.entries(await readPhoneDatabase(page))
    .map(([store, json]) => `${store}: ${json}`)
    .join('\n');
}
