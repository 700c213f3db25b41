import { type ComponentChildren, createContext } from 'preact';
import { useContext, useEffect } from 'preact/hooks';
import type { HelptentDatabase } from '../db/database';
import { readDeviceIdentity } from '../db/device-repository';
import { readEvent } from '../db/event-repository';
import { readPeople } from '../db/people-repository';
import { readStaff, type StaffOnDevice } from '../db/staff-repository';
import { readSyncState } from '../db/sync-state';
import type { FestivalEvent } from '../domain/event';
import { festivalLanguageOf } from '../domain/festival-language';
import type { EventPerson, Role } from '../domain/staff';
import { afterFirstScreen } from './first-screen';
import { onLocaleChange, t } from './i18n/messages';
import { usePersonLanguage } from './i18n/use-locale';
import { useLiveQuery } from './use-live-query';

/** What every screen needs: the database, the event this phone works for, and who is using it. */
export interface Session {
  db: HelptentDatabase;
  event: FestivalEvent;
  staff: StaffOnDevice;
  /**
   * What this phone shows and allows. On a phone that joined an event, the role the server
   * granted its device: nothing chosen on the phone can raise it. A phone that never joined
   * holds only what was typed on it, and its user says who they are.
   */
  role: Role;
  /** True once the phone joined an event on a server (its people and role come from there). */
  joined: boolean;
  /** Everyone who joined the event, as the server last said (empty before joining). */
  people: EventPerson[];
  deviceId: string | null;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ db, children }: { db: HelptentDatabase; children: ComponentChildren }) {
  const event = useLiveQuery(() => readEvent(db), [db]).data;
  const staff = useLiveQuery(() => readStaff(db), [db]).data;
  // Only the role the server granted (null before joining): the sync state itself changes with
  // every sync, and each change would redraw every screen.
  const grantedRole = useLiveQuery(() => readSyncState(db).then((state) => state?.role ?? null), [db]).data;
  const people = useLiveQuery(() => readPeople(db), [db]).data;
  const identity = useLiveQuery(() => readDeviceIdentity(db).then((found) => found ?? null), [db]).data;
  usePersonLanguage(staff && (staff.current?.id ?? null), event && festivalLanguageOf(event));
  useNotificationWords(db);
  if (!event || !staff || grantedRole === undefined || !people || identity === undefined)
    return <p class="loading">{t('Opening Helptent…')}</p>;
  const session: Session = {
    db,
    event,
    staff,
    role: grantedRole ?? staff.current?.role ?? 'staff',
    joined: grantedRole !== null,
    people,
    deviceId: identity?.deviceId ?? null,
  };
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The service worker says alerts in the language the phone speaks now (i18n/notification-words.ts). */
function useNotificationWords(db: HelptentDatabase): void {
  useEffect(() => {
    const write = () =>
      afterFirstScreen(() => {
        void import('./i18n/notification-words')
          .then(({ writeNotificationWords }) => writeNotificationWords(db))
          .catch(() => undefined);
      });
    write();
    return onLocaleChange(write);
  }, [db]);
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside SessionProvider');
  return session;
}
