import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `intervalMs`, for "waiting too long" highlights. */
export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
