import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';

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

  /** A poke that came from another instance. */
  receive(message: string): void {
    try {
      const { from, eventId, changeSeq } = JSON.parse(message) as { from: string; eventId: string; changeSeq: number };
      if (from !== this.instanceId && typeof eventId === 'string') this.emitter.emit(eventId, changeSeq);
    } catch {
      // Not ours: ignore.
    }
  }

  subscribe(eventId: string, listener: (changeSeq: number) => void): () => void {
    this.emitter.on(eventId, listener);
    return () => this.emitter.off(eventId, listener);
  }
}
