import Dexie, { type EntityTable } from 'dexie';

/** Small facts about this device and its user, keyed by name (device id, chosen theme, …). */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * The phone's database. Each schema change is a new `version(n)` below the others, never an
 * edit of a shipped one: phones in the field upgrade from whatever version they hold.
 */
export class HelptentDatabase extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = 'helptent') {
    super(name);
    this.version(1).stores({ meta: '&key' });
  }
}
