import type { FastifyInstance } from 'fastify';
import { expect, vi } from 'vitest';
import type { AlertView } from '../../src/domain/alerts';
import { protocolHeader, protocolVersion } from '../../src/domain/protocol-version';
import type { AlertNotifier } from '../../src/server/alerts/alert-notifier';
import { type Backend, startTestServer } from './helpers';
import { deviceHeaders, mutation, newJoinCode, push, setUpEvent, type TestDevice } from './sync-helpers';

/** A server with the festival set up, and a notifier that records whom each alert was sent to. */
export async function startAlertServer(backend: Backend, notifier = recordingNotifier()) {
  const server = await startTestServer({ backend, alertNotifier: notifier });
  await setUpEvent(server.app);
  return { server, app: server.app, notifier };
}

/** One change from a device, which the server must accept. */
export async function pushed(app: FastifyInstance, device: TestDevice, name: string, args: unknown): Promise<void> {
  const answer = await push(app, device, [mutation(device, name, args)]);
  expect(answer.json().refused, answer.body).toEqual([]);
}

export const minutesLater = (minutes: number) => new Date(Date.now() + minutes * 60_000);

export async function alertsOf(app: FastifyInstance, device: TestDevice): Promise<AlertView[]> {
  const response = await app.inject({ method: 'GET', url: '/api/alerts', headers: deviceHeaders(device) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().alerts;
}

export function acknowledge(app: FastifyInstance, device: TestDevice, alertId: string) {
  return app.inject({ method: 'POST', url: `/api/alerts/${alertId}/ack`, headers: deviceHeaders(device), payload: {} });
}

export function setDuty(app: FastifyInstance, device: TestDevice, onDuty: boolean, zoneId: string | null = null) {
  return app.inject({
    method: 'PUT',
    url: '/api/devices/self/duty',
    headers: deviceHeaders(device),
    payload: { onDuty, zoneId },
  });
}

/** Someone else joins on this phone (a shared phone changing hands): same device, new person. */
export async function joinOnSamePhone(app: FastifyInstance, device: TestDevice, name: string): Promise<TestDevice> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/join',
    headers: { authorization: `Bearer ${device.token}`, [protocolHeader]: String(protocolVersion) },
    payload: { code: await newJoinCode(app, 'staff'), deviceId: device.id, staffId: `staff-${name}`, staffName: name },
  });
  if (response.statusCode !== 200) throw new Error(`join failed: ${response.body}`);
  return { ...device, token: response.json().token, name };
}

export interface NotifierCall {
  deviceIds: string[];
  alert: AlertView;
}

/** A notifier standing in for Web Push, recording whom each alert was for. */
export function recordingNotifier(): AlertNotifier & { calls: NotifierCall[]; waitFor(count: number): Promise<void> } {
  const calls: NotifierCall[] = [];
  return {
    calls,
    async notify(deviceIds, alert) {
      calls.push({ deviceIds: [...deviceIds].sort(), alert });
    },
    // Delivery never holds up the push answer, so the call lands a moment after it.
    waitFor: (count) => vi.waitFor(() => expect(calls.length).toBeGreaterThanOrEqual(count), { timeout: 5_000 }),
  };
}
