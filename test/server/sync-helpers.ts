import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { defaultEvent } from '../../src/domain/event';
import { protocolHeader, protocolVersion } from '../../src/domain/protocol-version';
import type { Role } from '../../src/domain/staff';
import { uuidV7 } from '../../src/domain/uuid-v7';
import { createEvent, createJoinCode } from '../../src/server/events/event-admin';

let counter = 0;
export const newUuid = () => uuidV7(Date.UTC(2026, 6, 10) + counter, new Uint8Array(10).fill(++counter % 256));

export interface TestDevice {
  id: string;
  token: string;
  name: string;
  /** The last mutation id this device numbered. */
  mutationId: number;
}

/** Headers of a request from an app of the current protocol version. */
export function deviceHeaders(device: Pick<TestDevice, 'token'>) {
  return { authorization: `Bearer ${device.token}`, [protocolHeader]: String(protocolVersion) };
}

export async function setUpEvent(app: FastifyInstance, eventId = 'festival', retentionDays = 3650): Promise<void> {
  // The days the tests' changes are stamped in, so their times stay believable in any year; they
  // are in the past, so attendee data is kept for ten years unless a test says otherwise.
  const days = ['2026-07-10', '2026-07-11', '2026-07-12'];
  await createEvent(app.storage, { ...defaultEvent(eventId, 'Europe/Amsterdam'), days, retentionDays }, new Date());
}

/** A join code valid for an hour, for as many phones as like. */
export async function newJoinCode(app: FastifyInstance, role: Role, eventId = 'festival'): Promise<string> {
  const made = await createJoinCode(app.storage, {
    eventId,
    role,
    singleUse: false,
    validMinutes: 60,
    createdBy: null,
    now: new Date(),
  });
  return made.code;
}

export async function joinAs(app: FastifyInstance, role: Role, name: string, eventId = 'festival'): Promise<TestDevice> {
  const code = await newJoinCode(app, role, eventId);
  const id = newUuid();
  const response = await app.inject({
    method: 'POST',
    url: '/api/join',
    headers: { [protocolHeader]: String(protocolVersion) },
    payload: { code, deviceId: id, staffId: `staff-${name}`, staffName: name },
  });
  if (response.statusCode !== 200) throw new Error(`join failed: ${response.body}`);
  return { id, token: response.json().token, name, mutationId: 0 };
}

export function mutation(device: TestDevice, name: string, args: unknown, baseVersion = 0) {
  device.mutationId += 1;
  return {
    mutationId: device.mutationId,
    mutationUuid: newUuid(),
    name,
    args,
    createdAt: new Date(Date.UTC(2026, 6, 10, 20, 0, device.mutationId)).toISOString(),
    actor: { id: `staff-${device.name}`, name: device.name },
    baseVersion,
  };
}

export function push(app: FastifyInstance, device: TestDevice, mutations: unknown[], deviceId = device.id, after?: number) {
  return app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: deviceHeaders(device),
    payload: { deviceId, ...(after === undefined ? {} : { after }), mutations },
  });
}

export function pull(app: FastifyInstance, device: TestDevice, cursor = 0, query = '') {
  return app.inject({ method: 'GET', url: `/api/sync/pull?cursor=${cursor}${query}`, headers: deviceHeaders(device) });
}

export async function pullAll(app: FastifyInstance, device: TestDevice, limit = 1000) {
  const issues = [];
  let cursor = 0;
  let pages = 0;
  for (;;) {
    const response = await app.inject({
      method: 'GET',
      url: `/api/sync/pull?cursor=${cursor}&limit=${limit}`,
      headers: deviceHeaders(device),
    });
    if (response.statusCode !== 200) throw new Error(`pull failed: ${response.body}`);
    const page = response.json();
    issues.push(...page.issues);
    pages += 1;
    expect(page.cursor).toBeGreaterThanOrEqual(cursor);
    cursor = page.cursor;
    if (!page.hasMore) return { issues, cursor, pages, lastMutationId: page.lastMutationId as number };
  }
}

export function createArgs(summary: string, extra: Record<string, unknown> = {}) {
  return { id: newUuid(), eventId: 'festival', category: 'lost-property', summary, ...extra };
}
