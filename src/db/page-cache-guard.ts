import type { DBCore, Dexie } from 'dexie';

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

export function abortTransactionsWhenCached(db: Dexie): void {
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
