import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { hasJoinedMarker } from '../../domain/joined-marker';
import { useSession } from '../session';
import type { NoticeProps } from './phone-notices';

const homeScreenCardKey = 'helptent-home-screen-card';

/** An iPhone or iPad (iPadOS says "Macintosh", with touch) in a browser tab, not opened from the Home Screen. */
function inIosTab(): boolean {
  const ua = navigator.userAgent;
  return (
    (/iPhone|iPad/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1)) &&
    !(navigator as { standalone?: boolean }).standalone
  );
}

/**
 * On every screen: a phone that had joined but finds its storage empty is told so (the server's
 * cookie survived, joined-marker.ts); an iPhone in Safari learns to put Helptent on the Home
 * Screen, until its person puts the card away. Both come from a chunk loaded only when needed.
 */
export function PhoneNoticeSlot() {
  const { joined } = useSession();
  const which =
    !joined && hasJoinedMarker(document.cookie)
      ? 'StorageLost'
      : inIosTab() && !localStorage.getItem(homeScreenCardKey)
        ? 'HomeScreenCard'
        : null;
  const [Notice, setNotice] = useState<FunctionComponent<NoticeProps> | null>(null);
  useEffect(() => {
    setNotice(null);
    if (which) void import('./phone-notices').then((m) => setNotice(() => m[which]));
  }, [which]);
  return Notice ? <Notice joined={joined} putAwayKey={homeScreenCardKey} done={() => setNotice(null)} /> : null;
}
