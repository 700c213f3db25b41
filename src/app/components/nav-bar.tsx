import { useLocation } from 'preact-iso';
import { msg, t } from '../i18n/messages';

const items = [
  { href: '/', label: msg('Log'), match: (path: string) => path === '/' },
  { href: '/queue', label: msg('Queue'), match: (path: string) => path === '/queue' || path.startsWith('/issues/') },
  { href: '/lost-property', label: msg('Lost & found'), match: (path: string) => path.startsWith('/lost-property') },
  {
    href: '/summary',
    label: msg('Summary'),
    match: (path: string) => ['/summary', '/follow-up', '/pr-risk', '/evangelists'].includes(path),
  },
  { href: '/settings', label: msg('Settings'), match: (path: string) => path === '/settings' || path === '/audit' },
];

/** Bottom tab bar: within thumb reach when the phone is held in one hand. */
export function NavBar() {
  const { path } = useLocation();
  return (
    <nav class="nav-bar" aria-label={t('Main')}>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <a href={item.href} aria-current={item.match(path) ? 'page' : undefined}>
              {t(item.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
