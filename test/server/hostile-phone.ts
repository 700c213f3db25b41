import * as z from 'zod/mini';
import { isEventMutation } from '../../src/domain/event-mutations';
import { instantMs } from '../../src/domain/iso-instant';
import type { Issue } from '../../src/domain/issue';
import type { Role } from '../../src/domain/staff';
import { errorBodySchema, type PushAnswer, pushAnswerSchema, type Refusal } from '../../src/domain/sync-protocol';
import type { ChangePlan, Outcome } from './hostile-changes';
import type { HostileRole, PushPlan } from './hostile-pushes';

/**
 * A hostile phone: turns push plans into real pushes, sends them, and checks every answer against
 * what the protocol promises. It never throws on a bad answer; it collects problems, so a run
 * reports all of them with the seed that found them.
 */

export interface HostileDevice {
  id: string;
  token: string;
  /** The person the device joined as: every change it sends is signed `staff-<name>`. */
  name: string;
  role: Role;
  lastApplied: number;
  /** The last push the server applied whole, and its answer (for resends). */
  previous: { body: PushBody; answer: PushAnswer } | null;
  /** A push got no answer (the server went down): what the server applied is not known. */
  uncertain?: boolean;
}

interface WireChange {
  mutationId: number;
  mutationUuid: string;
  name: string;
  args: Record<string, unknown>;
  createdAt: string;
  actor: { id: string; name: string };
  baseVersion: number;
}

export interface PushBody {
  deviceId: string;
  after?: number;
  mutations: WireChange[];
}

/**
 * Sends a push. Throws `Unreachable` when no answer came (the network failed, or the server was
 * stopping and said 503): the chaos run stops and kills the server while phones push.
 */
export type Send = (device: HostileDevice, body: PushBody) => Promise<{ status: number; text: string }>;

export class Unreachable extends Error {}

/** What the hostile phone aims at besides its own issues. */
export interface HostileWorld {
  eventId: string;
  otherEventId: string;
  /** The one issue notes pile up on, logged by the hostile staff device before the run. */
  pileId: string;
  /** Issues of another event. */
  elsewhere: string[];
  honestIssues(): string[];
  honestUuids(): string[];
  /** A device that is not one of the hostile ones. */
  otherDeviceId: string;
  newUuid(): string;
}

export interface HostileStats {
  pushes: number;
  /** Changes sent in pushes of a reasonable size (not the 2 MB and 1,001-change ones). */
  changesSent: number;
  /** Changes the server took in (new ones of pushes answered 200). */
  changesTaken: number;
  applied: number;
  refused: Record<string, number>;
  /** Whole pushes refused, by status. */
  wholePushRefused: Record<string, number>;
  /** Pushes that got no answer (chaos: the server was down or going down). */
  unanswered: number;
}

interface Resolved {
  change: Omit<WireChange, 'mutationId'>;
  allowed: Outcome[];
  createdId?: string;
  note?: string;
}

const wholePushStatus: Partial<Record<PushPlan['shape'], number>> = {
  backwards: 400,
  repeat: 400,
  nul: 400,
  surrogate: 400,
  tooMany: 400,
  oversize: 413,
  otherDevice: 403,
  poisoned: 400,
};

const mayRefuseAsTransition = new Set(['setStatus', 'handOver', 'setOutreach']);

/** What may come back for a change: applied, or refused with one of these kinds. */
function allowedOutcomes(plan: ChangePlan, role: Role, target: 'fresh' | 'own' | 'missing' | 'elsewhere'): Outcome[] {
  // A reused or odd mutation id may name a change the issue already holds: then it is a no-op.
  const mayBeKnown = plan.mutationUuid.kind !== 'fresh';
  if (isEventMutation(plan.name)) return role === 'staff' ? ['forbidden'] : ['applied', 'invalid', 'invalid-transition'];
  if (target === 'elsewhere') return ['forbidden'];
  if (plan.name === 'createIssue') {
    if (plan.eventId !== 'own') return ['forbidden'];
    if (plan.overlong) return ['invalid'];
    if (target === 'fresh' || target === 'missing') return ['applied'];
    return mayBeKnown ? ['invalid', 'applied'] : ['invalid'];
  }
  if (plan.overlong) return ['invalid'];
  if (target === 'missing') return ['not-found'];
  const outcomes: Outcome[] = ['applied'];
  if (plan.name === 'addNote') outcomes.push('invalid');
  if (mayRefuseAsTransition.has(plan.name)) outcomes.push('invalid-transition');
  return outcomes;
}

/**
 * The first string in the arguments with `bad` put in after its tenth code point (between two
 * halves of an emoji, `bad` could complete them); or a new key holding it.
 */
function spoil(args: Record<string, unknown>, bad: string): Record<string, unknown> {
  for (const [key, value] of Object.entries(args)) {
    if (typeof value !== 'string') continue;
    const points = [...value];
    return { ...args, [key]: `${points.slice(0, 10).join('')}${bad}${points.slice(10).join('')}` };
  }
  return { ...args, spoiled: bad };
}

const refusalKey = (r: Refusal) => `${r.mutationId} ${r.kind} ${r.message}`;

export class HostilePhone {
  readonly stats: HostileStats = {
    pushes: 0,
    changesSent: 0,
    changesTaken: 0,
    applied: 0,
    refused: {},
    wholePushRefused: {},
    unanswered: 0,
  };
  readonly problems: string[] = [];
  /** Issues the hostile devices logged, in order. */
  readonly mine: string[] = [];
  /** Mutation ids of applied changes, for reuse. */
  private readonly storedUuids: string[] = [];
  /** Notes the server took, with the text it must keep (trimmed, otherwise exact). */
  readonly notes: { issueId: string; uuid: string; text: string }[] = [];
  /**
   * Who signed each applied change (by issue and mutation id: a reused id may name a change on
   * another issue): the device's joined person, whatever it claimed.
   */
  readonly signedBy = new Map<string, string>();
  /** Every refusal a device was given, by mutation id: a resend must get the same. */
  private readonly refusals = new Map<string, Map<number, string>>();

  constructor(
    private readonly world: HostileWorld,
    private readonly devices: Record<HostileRole, HostileDevice>,
    private readonly send: Send,
  ) {}

  private problem(text: string): void {
    if (this.problems.length < 50) this.problems.push(text);
  }

  private resolve(plan: ChangePlan, role: Role, pending: string[]): Resolved {
    const pickFrom = (pool: string[], pick: number) => (pool.length > 0 ? pool[pick % pool.length]! : this.world.pileId);
    const t = plan.target;
    let issueId: string | undefined;
    let target: 'fresh' | 'own' | 'missing' | 'elsewhere' = 'own';
    if (t.kind === 'fresh') {
      target = 'fresh';
      issueId = this.world.newUuid();
    } else if (t.kind === 'mine') issueId = pickFrom([...this.mine, ...pending], t.pick);
    else if (t.kind === 'honest') issueId = pickFrom(this.world.honestIssues(), t.pick);
    else if (t.kind === 'pile') issueId = this.world.pileId;
    else if (t.kind === 'missing') {
      target = [...this.mine, ...pending].includes(t.id) ? 'own' : 'missing';
      issueId = t.id;
    } else if (this.world.elsewhere.length > 0) {
      target = 'elsewhere';
      issueId = pickFrom(this.world.elsewhere, t.pick);
    } else {
      // No other event on this server: an issue nobody logged instead.
      target = 'missing';
      issueId = this.world.newUuid();
    }
    const eventIds = { own: this.world.eventId, other: this.world.otherEventId, unknown: 'no-such-festival' };
    const args = isEventMutation(plan.name)
      ? plan.args
      : plan.name === 'createIssue'
        ? { ...plan.args, id: issueId, eventId: eventIds[plan.eventId ?? 'own'] }
        : { ...plan.args, issueId };
    const reusable = [...this.storedUuids, ...this.world.honestUuids()];
    const mutationUuid =
      plan.mutationUuid.kind === 'odd'
        ? plan.mutationUuid.text
        : plan.mutationUuid.kind === 'reused' && reusable.length > 0
          ? reusable[plan.mutationUuid.pick % reusable.length]!
          : this.world.newUuid();
    const baseVersion =
      plan.baseVersion === 'zero'
        ? 0
        : plan.baseVersion === 'stale'
          ? 1
          : plan.baseVersion === 'huge'
            ? Number.MAX_SAFE_INTEGER
            : plan.baseVersion;
    const fresh = plan.mutationUuid.kind === 'fresh' || (plan.mutationUuid.kind === 'reused' && reusable.length === 0);
    const allowed = allowedOutcomes({ ...plan, mutationUuid: fresh ? { kind: 'fresh' } : plan.mutationUuid }, role, target);
    return {
      change: { mutationUuid, name: plan.name, args, createdAt: plan.createdAt, actor: plan.actor, baseVersion },
      allowed,
      ...(plan.name === 'createIssue' && (target === 'fresh' || target === 'missing') ? { createdId: issueId } : {}),
      ...(plan.name === 'addNote' && fresh && target === 'own' && !plan.overlong ? { note: String(plan.args.text).trim() } : {}),
    };
  }

  /**
   * Builds, sends and checks one push. Returns how many new changes it sent, not counting
   * resends and the deliberately huge pushes (nor pushes that got no answer).
   */
  async run(plan: PushPlan): Promise<number> {
    const device = this.devices[plan.device];
    this.stats.pushes += 1;
    try {
      if (device.uncertain) await this.learnWhereServerIs(device);
      return await this.build(device, plan);
    } catch (error) {
      if (!(error instanceof Unreachable)) throw error;
      // The push may or may not have been applied: ask before the next one.
      this.stats.unanswered += 1;
      device.uncertain = true;
      return 0;
    }
  }

  /** After a push without answer: an empty push tells how far the server got. */
  private async learnWhereServerIs(device: HostileDevice): Promise<void> {
    const answer = await this.answerOf(device, { deviceId: device.id, mutations: [] }, 200);
    if (!answer) return;
    device.lastApplied = answer.lastMutationId;
    device.previous = null;
    device.uncertain = false;
  }

  private async build(device: HostileDevice, plan: PushPlan): Promise<number> {
    if (plan.shape === 'resend' && device.previous) {
      await this.resend(device);
      return 0;
    }
    if (plan.shape === 'oversize' || plan.shape === 'tooMany') {
      await this.sendBroken(device, plan, this.huge(device, plan));
      return 0;
    }

    const pending: string[] = [];
    const resolved = plan.changes.map((change) => {
      const r = this.resolve(change, device.role, pending);
      if (r.createdId && r.allowed.length === 1 && r.allowed[0] === 'applied') pending.push(r.createdId);
      return r;
    });
    const gap = plan.shape === 'gap' ? plan.size : 1;
    let id = device.lastApplied + gap - 1;
    const fresh: WireChange[] = resolved.map((r) => {
      id += 1;
      return { ...r.change, mutationId: id };
    });
    this.stats.changesSent += fresh.length;

    const broken = wholePushStatus[plan.shape];
    if (broken !== undefined) {
      await this.sendBroken(device, plan, { deviceId: device.id, mutations: this.breakIds(fresh, plan) });
      return fresh.length;
    }

    const overlap = plan.shape === 'overlap' && device.previous ? device.previous.body.mutations.slice(-plan.size) : [];
    const body: PushBody = { deviceId: device.id, mutations: [...overlap, ...fresh] };
    if (plan.shape === 'afterAhead') body.after = device.lastApplied + 1 + plan.size;
    if (plan.shape === 'afterExact') body.after = Math.max(0, device.lastApplied - (plan.size % 3));
    const answer = await this.answerOf(device, body, 200);
    if (!answer) return fresh.length;
    const lastBefore = device.lastApplied;
    this.checkRefusalsKnown(device, answer, lastBefore);
    if (plan.shape === 'afterAhead') {
      if (answer.lastMutationId !== lastBefore || answer.refused.length > 0) {
        this.problem(`a push after a batch never sent changed something: ${JSON.stringify(answer).slice(0, 300)}`);
      }
      return fresh.length;
    }
    const expectedLast = fresh.at(-1)!.mutationId;
    if (answer.lastMutationId !== expectedLast) {
      this.problem(
        `${plan.shape} push of ${body.mutations.length}: lastMutationId ${answer.lastMutationId}, expected ${expectedLast}`,
      );
    }
    device.lastApplied = answer.lastMutationId;
    device.previous = { body, answer };
    const refusedById = new Map(answer.refused.map((r) => [r.mutationId, r]));
    for (const [i, change] of fresh.entries()) {
      const r = resolved[i]!;
      const refusal = refusedById.get(change.mutationId);
      const outcome: Outcome = refusal?.kind ?? 'applied';
      this.stats.changesTaken += 1;
      if (refusal) this.stats.refused[refusal.kind] = (this.stats.refused[refusal.kind] ?? 0) + 1;
      else this.stats.applied += 1;
      if (!r.allowed.includes(outcome)) {
        this.problem(
          `${change.name} (${plan.changes[i]!.target.kind}) expected ${r.allowed.join('|')}, got ${outcome}${refusal ? `: ${refusal.message}` : ''}`,
        );
      }
      if (refusal && refusal.message.trim() === '') this.problem(`refusal of ${change.name} without a sentence`);
      if (outcome !== 'applied') continue;
      if (r.createdId) this.mine.push(r.createdId);
      if (r.note !== undefined)
        this.notes.push({ issueId: String(change.args.issueId), uuid: change.mutationUuid, text: r.note });
      const signed = `${String(change.args.issueId ?? change.args.id)} ${change.mutationUuid}`;
      if (plan.changes[i]!.mutationUuid.kind === 'fresh') {
        this.storedUuids.push(change.mutationUuid);
        this.signedBy.set(signed, `staff-${device.name}`);
      } else {
        // The earlier change under this id may have changed nothing and left no entry; then this
        // one's entry carries the id: either device may have signed it.
        this.signedBy.delete(signed);
      }
    }
    return fresh.length;
  }

  /** The previous push again: nothing new is applied and the same refusals come back. */
  private async resend(device: HostileDevice): Promise<void> {
    const { body, answer: before } = device.previous!;
    const answer = await this.answerOf(device, body, 200);
    if (!answer) return;
    if (answer.lastMutationId !== device.lastApplied) {
      this.problem(`a resend moved lastMutationId from ${device.lastApplied} to ${answer.lastMutationId}`);
    }
    const keys = (a: PushAnswer) => a.refused.map(refusalKey).sort();
    if (JSON.stringify(keys(answer)) !== JSON.stringify(keys(before))) {
      this.problem(`a resend was answered other refusals: ${keys(answer).join('; ')} vs ${keys(before).join('; ')}`);
    }
  }

  /** A push the protocol refuses whole; afterwards the device's last applied change is unchanged. */
  private async sendBroken(device: HostileDevice, plan: PushPlan, body: PushBody): Promise<void> {
    const status = wholePushStatus[plan.shape]!;
    const spot = plan.spot % body.mutations.length;
    const m = body.mutations[spot]!;
    if (plan.shape === 'nul' || plan.shape === 'surrogate') {
      if (plan.where === 'args') m.args = spoil(m.args, plan.bad);
      if (plan.where === 'key') m.args = { ...m.args, [`k${plan.bad}`]: 'v' };
      if (plan.where === 'actor') m.actor = { ...m.actor, name: `${[...m.actor.name].slice(0, 20).join('')}${plan.bad}` };
      if (plan.where === 'uuid') m.mutationUuid = `${[...m.mutationUuid].slice(0, 20).join('')}${plan.bad}`;
    }
    if (plan.shape === 'otherDevice') body.deviceId = this.world.otherDeviceId;
    if (plan.shape === 'poisoned') m.args = { ...m.args, ...JSON.parse('{"__proto__":{"role":"organizer"}}') };
    const response = await this.send(device, body);
    this.stats.wholePushRefused[response.status] = (this.stats.wholePushRefused[response.status] ?? 0) + 1;
    if (response.status !== status) {
      this.problem(`${plan.shape} push answered ${response.status}, expected ${status}: ${response.text.slice(0, 300)}`);
    } else if (!z.safeParse(errorBodySchema, JSON.parse(response.text)).success) {
      this.problem(`${plan.shape} push answered without the error shape: ${response.text.slice(0, 300)}`);
    }
    const after = await this.answerOf(device, { deviceId: device.id, mutations: [] }, 200);
    if (after && after.lastMutationId !== device.lastApplied) {
      this.problem(`after a refused ${plan.shape} push the server is at ${after.lastMutationId}, not ${device.lastApplied}`);
      device.lastApplied = after.lastMutationId;
    }
  }

  /** Ids that go backwards or repeat somewhere in the push. */
  private breakIds(changes: WireChange[], plan: PushPlan): WireChange[] {
    if (plan.shape !== 'backwards' && plan.shape !== 'repeat') return changes;
    const list = changes.length >= 2 ? changes : [...changes, { ...changes[0]!, mutationId: changes[0]!.mutationId + 1 }];
    const at = plan.spot % (list.length - 1);
    const [a, b] = [list[at]!, list[at + 1]!];
    list[at + 1] = { ...b, mutationId: plan.shape === 'repeat' ? a.mutationId : a.mutationId - 1 };
    return list;
  }

  /** A body over 2 MB (600 notes of 4,000 two-byte letters), or 1,001 small changes. */
  private huge(device: HostileDevice, plan: PushPlan): PushBody {
    const count = plan.shape === 'oversize' ? 600 : 1001;
    const text = plan.shape === 'oversize' ? 'é'.repeat(4000) : 'x';
    const mutations = Array.from({ length: count }, (_, i) => ({
      mutationId: device.lastApplied + 1 + i,
      mutationUuid: this.world.newUuid(),
      name: 'addNote',
      args: { issueId: this.world.pileId, text },
      createdAt: '2026-07-10T20:00:00.000Z',
      actor: { id: 'x', name: 'x' },
      baseVersion: 0,
    }));
    return { deviceId: device.id, mutations };
  }

  /** Refusals of changes the server had before must be the ones it gave then. */
  private checkRefusalsKnown(device: HostileDevice, answer: PushAnswer, lastBefore: number): void {
    const known = this.refusals.get(device.id) ?? new Map<number, string>();
    this.refusals.set(device.id, known);
    for (const r of answer.refused) {
      const key = refusalKey(r);
      if (r.mutationId <= lastBefore) {
        if (known.get(r.mutationId) !== key)
          this.problem(`a resent change was refused anew: ${key} (was ${known.get(r.mutationId)})`);
      } else known.set(r.mutationId, key);
    }
  }

  private async answerOf(device: HostileDevice, body: PushBody, status: number): Promise<PushAnswer | null> {
    const response = await this.send(device, body);
    if (response.status !== status) {
      this.stats.wholePushRefused[response.status] = (this.stats.wholePushRefused[response.status] ?? 0) + 1;
      this.problem(`a push of ${body.mutations.length} answered ${response.status}: ${response.text.slice(0, 300)}`);
      return null;
    }
    const parsed = z.safeParse(pushAnswerSchema, JSON.parse(response.text));
    if (!parsed.success) {
      this.problem(`a push answer is not a push answer: ${response.text.slice(0, 300)}`);
      return null;
    }
    return parsed.data;
  }

  /**
   * What the server keeps after all this, checked on its issues as a phone pulls them: every
   * note the server took, exactly as typed (trimmed); every change signed by the device's
   * person; every time a believable one, the phone's claim kept beside the server's time.
   */
  checkIssues(issues: Issue[], window: { fromMs: number; toMs: number }): string[] {
    const problems: string[] = [];
    const byId = new Map(issues.map((issue) => [issue.id, issue]));
    for (const note of this.notes) {
      const entry = byId.get(note.issueId)?.timeline.find((e) => e.id === note.uuid);
      if (entry?.kind !== 'note' || entry.note !== note.text) {
        problems.push(
          `note ${note.uuid} on ${note.issueId} is ${JSON.stringify(entry?.note)?.slice(0, 80)}, sent ${JSON.stringify(note.text.slice(0, 80))}`,
        );
      }
    }
    // Issues logged before the festival's setup allowance (14 days before its first day) or
    // after the server's now cannot be.
    const earliest = Date.UTC(2026, 6, 10) - 14 * 86_400_000;
    const latest = window.toMs + 5 * 60_000;
    const believable = (at: string) => instantMs(at) >= earliest && instantMs(at) <= latest;
    for (const issue of issues) {
      for (const at of [issue.createdAt, issue.updatedAt]) {
        if (!believable(at)) problems.push(`issue ${issue.id} is stamped ${at}`);
      }
      for (const entry of issue.timeline) {
        const signer = this.signedBy.get(`${issue.id} ${entry.id}`);
        if (signer !== undefined && entry.by.id !== signer) {
          problems.push(`entry ${entry.id} on ${issue.id} is signed ${entry.by.id}, sent by ${signer}`);
        }
        if (!believable(entry.at)) problems.push(`entry ${entry.id} on ${issue.id} is at ${entry.at}`);
        if (entry.deviceAt !== undefined && instantMs(entry.at) < window.fromMs - 1000) {
          problems.push(`entry ${entry.id} keeps the claim ${entry.deviceAt} but is at ${entry.at}, not a server time`);
        }
      }
    }
    return problems.slice(0, 30);
  }
}
