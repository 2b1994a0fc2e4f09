import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../../components/Lazy';
import { useSession } from './session';

function useLoginRedirect(): string {
  const location = useLocation();
  const session = useSession();
  const here = `${location.pathname}${location.search}`;
  const keep = session.status === 'anonymous' && session.reason !== 'signedOut' && here !== '/';
  return keep ? `/login?next=${encodeURIComponent(here)}` : '/login';
}

/** Signed in, whether or not the password must be changed first. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const login = useLoginRedirect();
  if (session.status === 'loading') return <Loading fullPage />;
  if (session.status === 'anonymous') return <Navigate to={login} replace />;
  return children;
}

/** Signed in with a usable account: otherwise to the sign-in or password-change page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const login = useLoginRedirect();
  if (session.status === 'loading') return <Loading fullPage />;
  if (session.status === 'anonymous') return <Navigate to={login} replace />;
  if (session.me.user.mustChangePassword) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/change-password?next=${next}`} replace />;
  }
  return children;
}
