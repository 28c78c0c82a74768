// The frame of every clerk screen: the app name, the main sections, connection state.
import type { ReactNode } from 'react';
import { useChamber } from '../context';

const SECTIONS = [
  { href: '#/', label: 'Meetings', key: 'M', screens: ['meetings', 'meeting', 'agenda', 'minutes'] },
  { href: '#/bodies', label: 'Bodies and members', key: 'B', screens: ['bodies', 'body', 'standingOrders'] },
  { href: '#/settings', label: 'Settings', key: 'G', screens: ['settings'] },
  // Alt+S is the agenda clock's on the live screen: sync is Alt+Shift+S everywhere.
  { href: '#/sync', label: 'Sync', key: 'Shift+S', screens: ['sync'] },
] as const;

export const Layout = ({ children }: { children: ReactNode }) => {
  const route = useChamber((s) => s.route);
  const connected = useChamber((s) => s.connected);
  const unreachable = useChamber((s) => s.unreachable);
  return (
    <>
      <header className="topbar">
        <span className="topbar__name">Chamber</span>
        <nav aria-label="Sections">
          {SECTIONS.map((section) => (
            <a
              key={section.href}
              href={section.href}
              className="topbar__link"
              aria-current={(section.screens as readonly string[]).includes(route.screen) ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${section.key}`}
            >
              {section.label} <kbd>Alt+{section.key}</kbd>
            </a>
          ))}
        </nav>
      </header>
      {connected && unreachable && (
        <div className="banner banner--warning" role="alert">
          Chamber could not be reached; the last action was not recorded. Check that Chamber is still running, then try again.
        </div>
      )}
      {!connected && (
        <div className="banner banner--warning" role="alert">
          Reconnecting to Chamber… Nothing you see has been lost; changes will show when the connection returns.
        </div>
      )}
      {children}
    </>
  );
};
