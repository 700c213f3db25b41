import { EventEmitter } from 'node:events';

/**
 * Tells open devices of an event that there is something new to pull. In-process only: with
 * several server instances on one PostgreSQL, a device connected to another instance still
 * catches up through its own timer (a cross-instance channel is future work).
 */
export class Pokes {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open device; hundreds at a festival are normal, not a leak.
    this.emitter.setMaxListeners(0);
  }

  poke(eventId: string, changeSeq: number): void {
    this.emitter.emit(eventId, changeSeq);
  }

  subscribe(eventId: string, listener: (changeSeq: number) => void): () => void {
    this.emitter.on(eventId, listener);
    return () => this.emitter.off(eventId, listener);
  }
}
