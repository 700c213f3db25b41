import type { Status } from './issue';
import { code, say } from './phrase';
import { refusal } from './refusal';

const allowed: Record<Status, readonly Status[]> = {
  open: ['in_progress', 'resolved', 'referred', 'closed'],
  in_progress: ['open', 'resolved', 'referred', 'closed'],
  resolved: ['in_progress', 'follow_up', 'closed'],
  referred: ['in_progress', 'follow_up', 'closed'],
  follow_up: ['in_progress', 'closed'],
  // Reopening is always possible: an attendee comes back with the same problem.
  closed: ['in_progress'],
};

/** Statuses that end the desk's work and so need a written resolution. */
export const finishingStatuses: readonly Status[] = ['resolved', 'referred', 'closed'];

export function nextStatuses(from: Status): readonly Status[] {
  return allowed[from];
}

export function assertTransition(from: Status, to: Status, resolution: string): void {
  if (from === to) return;
  if (!allowed[from].includes(to)) {
    throw refusal(
      'invalid-transition',
      say('An issue that is {from} cannot be set to {to}. Possible next: {next}.', {
        from: code('status', from),
        to: code('status', to),
        next: allowed[from].map((s) => code('status', s)),
      }),
    );
  }
  if (finishingStatuses.includes(to) && resolution.trim() === '') {
    throw refusal(
      'invalid-transition',
      say('Write what was done (the resolution) before setting the issue to {status}.', { status: code('status', to) }),
    );
  }
}
