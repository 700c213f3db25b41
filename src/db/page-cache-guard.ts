import type { DBCore, Dexie } from 'dexie';
import type { AppErrorData } from '../domain/app-error';

/**
 * Safari (WebKit) keeps a page left by a normal navigation in its back/forward cache, frozen,
 * and an IndexedDB transaction that page had under way stays open there, holding its object
 * stores: the next Helptent page then waits on them for as long as the old page stays cached
 * ("Opening Helptent…" for good, seen in WebKitGTK with the sync engine retrying). So when the
 * page goes into that cache, its transactions are aborted and no new one may start, and a page
 * brought back from that cache reloads rather than carry on with failed writes.
 */
const underWay = new Set<IDBTransaction>();
let cached = false;

function settled(this: IDBTransaction): void {
  underWay.delete(this);
}

/**
 * Before `db` opens: its transactions are aborted if the page goes into the back/forward cache,
 * and `onSlow` hears if Helptent is still opening after 8 s.
 */
export function guardDatabase(db: Dexie, onSlow?: (error: AppErrorData) => void): void {
  reportSlowOpening(onSlow);
  db.use({
    stack: 'dbcore',
    create: (core: DBCore): DBCore => ({
      ...core,
      transaction(...args) {
        if (cached) throw new DOMException('', 'AbortError');
        const transaction = core.transaction(...args);
        const native = transaction as unknown as IDBTransaction;
        underWay.add(native);
        native.addEventListener('complete', settled);
        native.addEventListener('abort', settled);
        return transaction;
      },
    }),
  });
}

if (typeof addEventListener === 'function') {
  addEventListener('pagehide', (event) => {
    if (!event.persisted) return;
    cached = true;
    for (const transaction of underWay) {
      try {
        transaction.abort();
      } catch {
        // It finished meanwhile.
      }
    }
  });
  addEventListener('pageshow', (event) => event.persisted && location.reload());
}

/**
 * A safety net for whatever else might hold the database: if Helptent is still opening after
 * 8 s, `report` gets a sentence on what to do instead of the page waiting in silence.
 */
function reportSlowOpening(report?: (error: AppErrorData) => void): void {
  setTimeout(
    () =>
      report?.({
        kind: 'storage-unavailable',
        message:
          'Helptent’s storage on this phone is not answering. Close any other Helptent tab or window, then tap Try again, or reload.',
      }),
    8_000,
  );
}
