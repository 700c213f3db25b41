import { AppError } from '../../domain/app-error';

/**
 * Keeps guessing join codes infeasible without locking a festival out. Only wrong codes count:
 * fifty phones joining from behind one address (the festival's Wi-Fi, the TLS proxy) all get in.
 * One address gets `perAddress` wrong codes a minute; once everyone together has made
 * `everywhere` wrong tries in the minute, only addresses with no wrong try yet may try. A code
 * has 50 bits: at 600 guesses a minute, finding one of a hundred live codes takes 35,000 years.
 */
export class JoinGuard {
  private windowStartedAt = 0;
  private readonly wrongByAddress = new Map<string, number>();
  private wrongEverywhere = 0;

  constructor(
    private readonly perAddress = 10,
    private readonly everywhere = 600,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws 429 when this address may not try now. */
  check(address: string): void {
    this.roll();
    const wrong = this.wrongByAddress.get(address) ?? 0;
    if (wrong >= this.perAddress || (wrong > 0 && this.wrongEverywhere >= this.everywhere)) {
      const seconds = Math.max(1, Math.ceil((this.windowStartedAt + this.windowMs - this.now()) / 1000));
      throw new AppError(
        'rate-limited',
        `Too many wrong join codes from this phone. Check the code with a coordinator and try again in ${seconds} s.`,
      );
    }
  }

  recordWrong(address: string): void {
    this.roll();
    this.wrongByAddress.set(address, (this.wrongByAddress.get(address) ?? 0) + 1);
    this.wrongEverywhere += 1;
  }

  private roll(): void {
    const now = this.now();
    if (now - this.windowStartedAt < this.windowMs) return;
    this.windowStartedAt = now;
    this.wrongByAddress.clear();
    this.wrongEverywhere = 0;
  }
}
