import { protocolHeader, protocolVersion } from '../../src/domain/protocol-version';
import type { Role } from '../../src/domain/staff';
import { uuidV7 } from '../../src/domain/uuid-v7';
import { type HostileDevice, HostilePhone, type PushBody, Unreachable } from '../server/hostile-phone';
import { type PushPlan, pushPlans } from '../server/hostile-pushes';

/**
 * The hostile phone of the chaos run: three devices (two staff, one coordinator) that send raw
 * pushes of extreme changes (the hostile-device fuzz's generator) between the honest phones'
 * operations, over the same real network to the same server process that is stopped and killed.
 * What it aims at besides its own issues it learns as any device does: by pulling.
 */
export interface SimHostile {
  /** The people the hostile devices joined as: convergence leaves their entries out. */
  staffIds: Set<string>;
  phone: HostilePhone;
  /** One raw push; now and then a pull first, to learn the honest phones' issues. */
  step(): Promise<void>;
}

const hostileNames: Record<PushPlan['device'], string> = { staff: 'Mallory', jumper: 'Trudy', coordinator: 'Oscar' };

export async function startHostile(options: {
  baseUrl: string;
  codes: Record<Role, string>;
  eventId: string;
  seed: number;
}): Promise<SimHostile> {
  let made = 0;
  // Ids no honest phone makes: a timestamp in 2025, counted.
  const newUuid = () => {
    made += 1;
    return uuidV7(Date.UTC(2025, 0, 1) + made, new Uint8Array(10).fill(made % 251));
  };
  const headers = (token?: string) => ({
    'content-type': 'application/json',
    [protocolHeader]: String(protocolVersion),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  });

  const join = async (role: PushPlan['device']): Promise<HostileDevice> => {
    const name = hostileNames[role];
    const id = newUuid();
    const response = await fetch(`${options.baseUrl}/api/join`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({
        code: options.codes[role === 'coordinator' ? 'coordinator' : 'staff'],
        deviceId: id,
        staffId: `staff-${name}`,
        staffName: name,
      }),
    });
    if (!response.ok) throw new Error(`hostile join failed (${response.status}): ${await response.text()}`);
    const joined = (await response.json()) as { token: string; device: { role: Role } };
    return { id, token: joined.token, name, role: joined.device.role, lastApplied: 0, previous: null };
  };
  const devices = { staff: await join('staff'), jumper: await join('jumper'), coordinator: await join('coordinator') };

  const send = async (device: HostileDevice, body: PushBody) => {
    let response: Response;
    try {
      response = await fetch(`${options.baseUrl}/api/sync/push`, {
        method: 'POST',
        headers: headers(device.token),
        body: JSON.stringify(body),
      });
    } catch {
      throw new Unreachable('no answer');
    }
    const text = await response.text().catch(() => {
      throw new Unreachable('the answer was cut off');
    });
    // A server stopping politely answers what arrives meanwhile with 503.
    if (response.status === 503) throw new Unreachable(text);
    return { status: response.status, text };
  };

  // The pile every hostile device heaps notes on.
  const pileId = newUuid();
  const pile = await send(devices.staff, {
    deviceId: devices.staff.id,
    mutations: [
      {
        mutationId: 1,
        mutationUuid: newUuid(),
        name: 'createIssue',
        args: { id: pileId, eventId: options.eventId, category: 'other', summary: 'The pile' },
        createdAt: new Date().toISOString(),
        actor: { id: 'staff-Mallory', name: 'Mallory' },
        baseVersion: 0,
      },
    ],
  });
  if (pile.status !== 200) throw new Error(`the pile was not logged: ${pile.text}`);
  devices.staff.lastApplied = 1;

  const staffIds = new Set(Object.values(hostileNames).map((name) => `staff-${name}`));
  const honestIssues: string[] = [];
  const honestUuids: string[] = [];
  const seen = new Set<string>();
  let cursor = 0;
  /** Pulls what changed since the last time, as any staff device may. */
  const learn = async () => {
    for (;;) {
      const response = await fetch(`${options.baseUrl}/api/sync/pull?cursor=${cursor}&limit=500`, {
        headers: headers(devices.staff.token),
      }).catch(() => null);
      if (!response?.ok) return;
      const page = (await response.json().catch(() => null)) as {
        issues: { issue: { id: string; reportedBy: { id: string }; timeline: { id: string; by: { id: string } }[] } }[];
        cursor: number;
        hasMore: boolean;
      } | null;
      if (!page) return;
      for (const { issue } of page.issues) {
        if (!seen.has(issue.id) && !staffIds.has(issue.reportedBy.id)) honestIssues.push(issue.id);
        seen.add(issue.id);
        for (const entry of issue.timeline) {
          if (!staffIds.has(entry.by.id) && !entry.id.includes(':')) honestUuids.push(entry.id);
        }
      }
      honestUuids.splice(0, Math.max(0, honestUuids.length - 500));
      cursor = page.cursor;
      if (!page.hasMore) return;
    }
  };

  const phone = new HostilePhone(
    {
      eventId: options.eventId,
      otherEventId: 'another-festival',
      pileId,
      elsewhere: [],
      honestIssues: () => honestIssues,
      honestUuids: () => honestUuids,
      otherDeviceId: newUuid(),
      newUuid,
    },
    devices,
    send,
  );
  const plans = pushPlans(options.seed);
  let steps = 0;
  return {
    staffIds,
    phone,
    async step() {
      steps += 1;
      if (steps % 5 === 1) await learn();
      await phone.run(plans.next().value!);
    },
  };
}
