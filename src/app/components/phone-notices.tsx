import { useId, useState } from 'preact/hooks';
import { t } from '../i18n/messages';

export interface PhoneNoticesProps {
  joined: boolean;
  /** The phone had joined (the server's cookie says so) but holds no joined database any more. */
  lost: boolean;
}

const putAwayKey = 'helptent-home-screen-card';

/** An iPhone or iPad (iPadOS says "Macintosh", with touch) in a browser tab, not opened from the Home Screen. */
function inIosTab(): boolean {
  const ua = navigator.userAgent;
  return (
    (/iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1)) &&
    !(navigator as { standalone?: boolean }).standalone
  );
}

/** Whether the person put the Home Screen card away (an iPhone set to block all cookies throws here). */
function wasPutAway(): boolean {
  try {
    return Boolean(localStorage.getItem(putAwayKey));
  } catch {
    return false;
  }
}

export function PhoneNotices({ joined, lost }: PhoneNoticesProps) {
  const [putAway, setPutAway] = useState(wasPutAway);
  if (lost) return <StorageLost />;
  if (putAway || !inIosTab()) return null;
  const onPutAway = () => {
    try {
      localStorage.setItem(putAwayKey, 'put-away');
    } catch {
      // Storage refused (private browsing): the card goes for this visit only.
    }
    setPutAway(true);
  };
  return <HomeScreenCard joined={joined} onPutAway={onPutAway} />;
}

/** The phone had joined but its storage is empty: say it plainly, and lead back to joining. */
function StorageLost() {
  return (
    <div class="message message--warning" role="alert" data-testid="storage-lost">
      <p>
        <strong>{t('Helptent’s data on this phone is gone.')}</strong>{' '}
        {t(
          'This phone had joined your event, but the browser has since deleted what Helptent kept on it. Safari does this to sites left unused for some days unless they are on the Home Screen; clearing the browser’s history or website data does it too.',
        )}
      </p>
      <p>
        {t(
          'Issues that reached the server are safe: you see them again once you join. Anything logged on this phone that had not synced yet is lost.',
        )}
      </p>
      <a class="button button--primary" href="/settings">
        {t('Join your event again')}
      </a>
    </div>
  );
}

/** iPhone, in Safari: how to add Helptent to the Home Screen, and why. Shown until put away. */
function HomeScreenCard({ joined, onPutAway }: { joined: boolean; onPutAway: () => void }) {
  const titleId = useId();
  return (
    <section class="card" aria-labelledby={titleId} data-testid="home-screen-card">
      <p>
        <strong id={titleId}>{t('Put Helptent on your Home Screen.')}</strong>{' '}
        {t(
          'In Safari, an iPhone deletes a site’s data after some days without use, issues not yet sent included. Opened from the Home Screen, Helptent keeps its data, opens without signal and can ring with alerts.',
        )}
      </p>
      <ol>
        <li>{t('Tap Share (the square with an arrow pointing up) in Safari’s toolbar.')}</li>
        <li>{t('Choose Add to Home Screen, then Add.')}</li>
        <li>
          {t(
            'Open Helptent from its new icon and join your event there with your code: the Home Screen app keeps its own data, apart from Safari’s.',
          )}
        </li>
      </ol>
      {joined && (
        <p>
          {t('Before you switch, wait until the line at the top says nothing is waiting: what is on this page stays in Safari.')}
        </p>
      )}
      <button type="button" class="button" onClick={onPutAway}>
        {t('Got it')}
      </button>
    </section>
  );
}
