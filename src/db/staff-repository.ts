import type { StaffMember } from '../domain/staff';
import type { HelptentDatabase } from './database';
import { withReopenRetry } from './retry';

export interface StaffOnDevice {
  current: StaffMember | null;
  /** Everyone who used this phone, most recent first, for a quick switch on a shared phone. */
  recent: StaffMember[];
}

const key = 'staff';
const maxRecent = 8;

export async function readStaff(db: HelptentDatabase): Promise<StaffOnDevice> {
  return ((await db.meta.get(key))?.value as StaffOnDevice | undefined) ?? { current: null, recent: [] };
}

export function switchStaff(db: HelptentDatabase, member: StaffMember): Promise<void> {
  return withReopenRetry(db, () =>
    db.transaction('rw', db.meta, async () => {
      const { recent } = await readStaff(db);
      const others = recent.filter((m) => m.id !== member.id);
      const value: StaffOnDevice = { current: member, recent: [member, ...others].slice(0, maxRecent) };
      await db.meta.put({ key, value });
    }),
  );
}
