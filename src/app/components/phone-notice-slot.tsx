import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { hasJoinedMarker } from '../../domain/joined-marker';
import { useSession } from '../session';
import type { PhoneNoticesProps } from './phone-notices';

/**
 * On every screen: a phone that had joined but finds its storage empty is told so (the server's
 * cookie survived, joined-marker.ts); an iPhone or iPad in Safari learns to put Helptent on the
 * Home Screen. Only those phones load the notices' chunk (phone-notices.tsx), which decides the rest.
 */
export function PhoneNoticeSlot() {
  const { joined } = useSession();
  const lost = !joined && hasJoinedMarker(document.cookie);
  // iPadOS says "Macintosh": the chunk tells a Mac from an iPad by its touch points.
  const apple = /iP(hone|ad)|Macintosh/.test(navigator.userAgent);
  const [Notices, setNotices] = useState<FunctionComponent<PhoneNoticesProps> | null>(null);
  useEffect(() => {
    if (lost || apple) void import('./phone-notices').then((m) => setNotices(() => m.PhoneNotices));
  }, [lost, apple]);
  return Notices ? <Notices joined={joined} lost={lost} /> : null;
}
