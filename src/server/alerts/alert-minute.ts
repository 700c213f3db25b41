/**
 * How long an escalation "minute" lasts, in milliseconds: 60,000, except where an end-to-end
 * test sets HELPTENT_ALERT_MINUTE_MS to watch a three-minute escalation happen in seconds.
 */
export function alertMinuteMs(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.HELPTENT_ALERT_MINUTE_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : 60_000;
}

/** When an alert raised or escalated at `at` goes further up if still unanswered. */
export function escalationDue(at: string, minutes: number, minuteMs = alertMinuteMs()): string {
  return new Date(Date.parse(at) + minutes * minuteMs).toISOString();
}
