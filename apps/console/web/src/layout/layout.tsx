import { NavLink, Outlet } from 'react-router';
import { useSession, useSignedIn } from '../session/session.context';

const NAV = [
  { to: '/', label: 'Overview', end: true },
  { to: '/dead-letters', label: 'Dead letters', end: false },
  { to: '/replay', label: 'Replay', end: false },
  { to: '/topics', label: 'Topics', end: false },
  { to: '/schemas', label: 'Schemas', end: false },
  { to: '/audit', label: 'Audit', end: false },
] as const;

export function Layout() {
  const session = useSignedIn();
  const { signOut } = useSession();
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">Eventline console</span>
        <nav aria-label="Main" data-testid="nav">
          {NAV.map((item) => (
            <NavLink key={item.to} to={item.to} end={item.end} className={({ isActive }) => (isActive ? 'active' : undefined)}>
              {item.label}
            </NavLink>
          ))}
        </nav>
        <span className="who" data-testid="session-user">
          <span data-testid="session-user-name">{session.user}</span> <span className={`role role-${session.role}`} data-testid="session-role">{session.role}</span>
        </span>
        {session.authMode !== 'off' ? (
          <button type="button" className="link" onClick={() => void signOut()} data-testid="sign-out">
            Sign out
          </button>
        ) : null}
      </header>
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}
