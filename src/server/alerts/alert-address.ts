import type { AlertAddress, AlertCandidate } from '../../domain/alert-recipients';
import type { AlertsTable, DevicesTable } from '../storage/schema';

/** A device as the recipient rule weighs it. */
export function candidateOf(device: Pick<DevicesTable, 'staff_id' | 'role' | 'on_duty' | 'revoked_at'>): AlertCandidate {
  return {
    personId: device.staff_id,
    role: device.role,
    onDuty: Number(device.on_duty) === 1,
    signedIn: device.revoked_at === null,
  };
}

/** The alert's address as the recipient rule reads it. */
export function addressOf(row: AlertsTable): AlertAddress {
  return {
    kind: row.kind,
    raisedLevel: row.raised_level,
    level: row.level,
    toPersonId: row.to_person_id,
    escalatedAt: row.escalated_at,
  };
}
