import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';

/** Event ids and device ids share one emitter; a prefix no event id has keeps them apart. */
const signedOutChannel = (deviceId: string) => `\u0000signed-out:${deviceId}`;

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

  constructor() {
    // One listener per open device; hundreds at a festival are normal, not a leak.
    this.emitter.setMaxListeners(0);
  }

  useRelay(relay: PokeRelay): void {
    this.relay = relay;
  }

  poke(eventId: string, changeSeq: number): void {
    this.emitter.emit(eventId, changeSeq);
    this.relay?.publish(JSON.stringify({ from: this.instanceId, eventId, changeSeq }));
  }

  /** A device was signed out: its open streams, on every instance, end now. */
  signOut(deviceId: string): void {
    this.emitter.emit(signedOutChannel(deviceId));
    this.relay?.publish(JSON.stringify({ from: this.instanceId, signedOut: deviceId }));
  }

  /** A poke or a sign-out that came from another instance. */
  receive(message: string): void {
    try {
      const { from, eventId, changeSeq, signedOut } = JSON.parse(message) as {
        from: string;
        eventId?: string;
        changeSeq?: number;
        signedOut?: string;
      };
      if (from === this.instanceId) return;
      if (typeof eventId === 'string') this.emitter.emit(eventId, changeSeq);
      if (typeof signedOut === 'string') this.emitter.emit(signedOutChannel(signedOut));
    } catch {
      // Not ours: ignore.
    }
  }

  subscribe(eventId: string, listener: (changeSeq: number) => void): () => void {
    this.emitter.on(eventId, listener);
    return () => this.emitter.off(eventId, listener);
  }

  onSignedOut(deviceId: string, listener: () => void): () => void {
    const channel = signedOutChannel(deviceId);
    this.emitter.on(channel, listener);
    return () => this.emitter.off(channel, listener);
  }
}
