import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';

/** Event ids and device ids share one emitter; a prefix no event id has keeps them apart. */
const signedOutChannel = (deviceId: string) => `\u0000signed-out:${deviceId}`;
const firstChannel = (eventId: string, deviceId: string) => `\u0000first:${eventId}:${deviceId}`;

/**
 * PostgreSQL NOTIFY payloads stay under 8,000 bytes: a longer "first" list is not relayed (other
 * instances then poke their devices in their usual order).
 */
const maxRelayedFirst = 150;

/**
 * How long the rest of an event's phones wait when some were poked first. Every open phone syncs
 * on a poke (a pull, then its alerts): five hundred of them queue on the server for a second or
 * two, and an alert's recipients would wait behind them for their second request. A moment's head
 * start gets them through first; the others only learn of a change a second later.
 */
export const crowdPokeDelayMs = 1_000;

/** Carries a poke to the other server instances (PostgreSQL NOTIFY when there are several). */
export interface PokeRelay {
  publish(message: string): void;
}

/**
 * Tells open devices of an event that there is something new to pull. Within one process an
 * event emitter does it; with several instances on one PostgreSQL, a relay passes each poke on
 * so a device connected to another instance hears it too.
 */
export class Pokes {
  private readonly emitter = new EventEmitter();
  private relay: PokeRelay | undefined;
  /** Tells this instance's own relayed pokes apart from other instances'. */
  readonly instanceId = randomUUID();

  constructor(private readonly crowdDelayMs = crowdPokeDelayMs) {
    // One listener per open device; hundreds at a festival are normal, not a leak.
    this.emitter.setMaxListeners(0);
  }

  useRelay(relay: PokeRelay): void {
    this.relay = relay;
  }

  /**
   * `first`: devices poked ahead of the others (the recipients of a new alert), the others a
   * moment later (`crowdPokeDelayMs`), so the recipients' syncs are not queued behind the whole
   * event's; they are not poked twice.
   */
  poke(eventId: string, changeSeq: number, first: readonly string[] = []): void {
    this.emitPoke(eventId, changeSeq, first);
    const relayed = first.length > 0 && first.length <= maxRelayedFirst ? { first } : {};
    this.relay?.publish(JSON.stringify({ from: this.instanceId, eventId, changeSeq, ...relayed }));
  }

  private emitPoke(eventId: string, changeSeq: number | undefined, first: readonly string[]): void {
    if (first.length === 0) {
      this.emitter.emit(eventId, changeSeq);
      return;
    }
    for (const deviceId of first) this.emitter.emit(firstChannel(eventId, deviceId), changeSeq);
    const skip = new Set(first);
    setTimeout(() => this.emitter.emit(eventId, changeSeq, skip), this.crowdDelayMs).unref();
  }

  /** A device was signed out: its open streams, on every instance, end now. */
  signOut(deviceId: string): void {
    this.emitter.emit(signedOutChannel(deviceId));
    this.relay?.publish(JSON.stringify({ from: this.instanceId, signedOut: deviceId }));
  }

  /** A poke or a sign-out that came from another instance. */
  receive(message: string): void {
    try {
      const { from, eventId, changeSeq, signedOut, first } = JSON.parse(message) as {
        from: string;
        eventId?: string;
        changeSeq?: number;
        signedOut?: string;
        first?: unknown;
      };
      if (from === this.instanceId) return;
      const firstIds = Array.isArray(first) ? first.filter((id): id is string => typeof id === 'string') : [];
      if (typeof eventId === 'string') this.emitPoke(eventId, changeSeq, firstIds);
      if (typeof signedOut === 'string') this.emitter.emit(signedOutChannel(signedOut));
    } catch {
      // Not ours: ignore.
    }
  }

  /** Pokes of an event; with the device's id, also the ones that put it first. */
  subscribe(eventId: string, listener: (changeSeq: number) => void, deviceId?: string): () => void {
    if (deviceId === undefined) {
      this.emitter.on(eventId, listener);
      return () => this.emitter.off(eventId, listener);
    }
    const mine = firstChannel(eventId, deviceId);
    const everyone = (changeSeq: number, first?: Set<string>) => {
      if (!first?.has(deviceId)) listener(changeSeq);
    };
    this.emitter.on(mine, listener);
    this.emitter.on(eventId, everyone);
    return () => {
      this.emitter.off(mine, listener);
      this.emitter.off(eventId, everyone);
    };
  }

  onSignedOut(deviceId: string, listener: () => void): () => void {
    const channel = signedOutChannel(deviceId);
    this.emitter.on(channel, listener);
    return () => this.emitter.off(channel, listener);
  }
}
