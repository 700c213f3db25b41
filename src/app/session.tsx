import { type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { HelptentDatabase } from '../db/database';
import { readEvent } from '../db/event-repository';
import { readStaff, type StaffOnDevice } from '../db/staff-repository';
import type { FestivalEvent } from '../domain/event';
import { useLiveQuery } from './use-live-query';

/** What every screen needs: the database, the event this phone works for, and who is using it. */
export interface Session {
  db: HelptentDatabase;
  event: FestivalEvent;
  staff: StaffOnDevice;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ db, children }: { db: HelptentDatabase; children: ComponentChildren }) {
  const event = useLiveQuery(() => readEvent(db), [db]).data;
  const staff = useLiveQuery(() => readStaff(db), [db]).data;
  if (!event || !staff) return <p class="loading">Opening Helptent…</p>;
  return <SessionContext.Provider value={{ db, event, staff }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside SessionProvider');
  return session;
}
