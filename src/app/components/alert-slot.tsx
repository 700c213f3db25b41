import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { hasAlertsToShow } from '../../db/alerts-shown';
import { useSession } from '../session';
import { useLiveQuery } from '../use-live-query';

/**
 * Where alerts show, on every screen. It only watches whether there is anything to show; the
 * banner's code loads the first time there is, so the first load stays small.
 */
export function AlertSlot() {
  const { db } = useSession();
  const [Banner, setBanner] = useState<FunctionComponent | null>(null);
  const any = useLiveQuery(() => hasAlertsToShow(db), [db]).data;
  useEffect(() => {
    if (any && !Banner) void import('./alert-banner').then((m) => setBanner(() => m.AlertBanner));
  }, [any, Banner]);
  return any && Banner ? <Banner /> : null;
}
