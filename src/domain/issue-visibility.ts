import type { Issue } from './issue';
import type { Role } from './staff';

/**
 * Whether a device may see an issue, and so fetch its photos. The single place that rule lives:
 * today every device of the issue's event sees every issue (staff get attendee details masked,
 * which is a matter of copy, not of sight). Restricted cases (medical, welfare, safeguarding)
 * will narrow it here, and every route that hands out an issue's data asks this function.
 */
export function mayDeviceSeeIssue(_role: Role, _deviceId: string, _issue: Issue): boolean {
  return true;
}
