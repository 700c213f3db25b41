import { useSession } from '../session';
import { AlertRulesSection } from './alert-rules-section';

/**
 * Settings → "Alerts: who is told", for coordinators and organizers only. It loads with the
 * Settings screen (a lazy chunk, never in the first load).
 */
export function AlertRulesSlot() {
  const { role } = useSession();
  return role === 'coordinator' || role === 'organizer' ? <AlertRulesSection /> : null;
}
