import type { Role } from '../domain/staff';
import {
  type AuditAnswer,
  auditAnswerSchema,
  type DeviceView,
  devicesAnswerSchema,
  type ExportRecord,
  exportRecordedSchema,
  type JoinAnswer,
  type JoinRequest,
  joinAnswerSchema,
  joinCodeAnswerSchema,
  revokeAnswerSchema,
  selfSignOutAnswerSchema,
} from '../domain/sync-protocol';
import { callServer } from './http';

/**
 * The app's requests to the server beside push and pull (those are the sync engine's): every
 * HTTP call the screens make goes through here, and each answer is checked against the contract.
 */

export function joinEvent(request: JoinRequest, currentToken: string | null): Promise<JoinAnswer> {
  return callServer('/api/join', joinAnswerSchema, {
    method: 'POST',
    body: request,
    ...(currentToken ? { token: currentToken } : {}),
  });
}

export function createJoinCode(token: string, role: Role, validMinutes: number) {
  return callServer('/api/join-codes', joinCodeAnswerSchema, { method: 'POST', token, body: { role, validMinutes } });
}

export async function listDevices(token: string): Promise<DeviceView[]> {
  return (await callServer('/api/devices', devicesAnswerSchema, { token })).devices;
}

export async function setDeviceSignedIn(token: string, deviceId: string, signedIn: boolean): Promise<void> {
  await callServer(`/api/devices/${encodeURIComponent(deviceId)}/${signedIn ? 'restore' : 'revoke'}`, revokeAnswerSchema, {
    method: 'POST',
    token,
  });
}

export async function reportExport(token: string, record: ExportRecord): Promise<void> {
  await callServer('/api/exports/log', exportRecordedSchema, { method: 'POST', token, body: record });
}

/** A page of the event's audit log, newest first; `before` is the last entry id of the page before. */
export function readAuditLog(token: string, page: { limit: number; before: string | null }): Promise<AuditAnswer> {
  const query = new URLSearchParams({ limit: String(page.limit), ...(page.before ? { before: page.before } : {}) });
  return callServer(`/api/audit?${query}`, auditAnswerSchema, { token });
}

/** This device signs itself out of its event (the end of a shift): its token stops working. */
export async function signOutThisDevice(token: string): Promise<void> {
  await callServer('/api/devices/self/sign-out', selfSignOutAnswerSchema, { method: 'POST', token });
}
