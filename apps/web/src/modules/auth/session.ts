import { useSyncExternalStore } from 'react';
import type { Locale } from '@caunoi/shared';
import { api, setCsrfToken } from '../../api/client';
import type { Me } from '../../api/types';
import { applyLocale, getLocale } from '../../i18n/locale';

export type Session =
  | { status: 'loading' }
  | { status: 'anonymous'; reason?: 'expired' | 'signedOut' }
  | { status: 'authenticated'; me: Me };

let session: Session = { status: 'loading' };
const listeners = new Set<() => void>();

function set(next: Session): void {
  session = next;
  setCsrfToken(next.status === 'authenticated' ? next.me.csrfToken : null);
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const getSession = (): Session => session;

export function useSession(): Session {
  return useSyncExternalStore(subscribe, getSession);
}

/** The signed-in user; only for components rendered behind the sign-in guard. */
export function useMe(): Me {
  const s = useSession();
  if (s.status !== 'authenticated') throw new Error('useMe() outside an authenticated area');
  return s.me;
}

async function adopt(me: Me): Promise<Me> {
  const preferred = me.user.preferences.locale;
  if (preferred !== getLocale()) await applyLocale(preferred);
  set({ status: 'authenticated', me });
  return me;
}

/** Restores the session at start-up (or after a password change was demanded). */
export async function loadSession(): Promise<void> {
  // The session endpoint answers 200 whether or not the browser is signed in, so a visitor's
  // first page load makes no failing request.
  const current = await api<{ me: Me | null; expired: boolean }>('/auth/session');
  if (current.me) await adopt(current.me);
  else set({ status: 'anonymous', ...(current.expired ? { reason: 'expired' as const } : {}) });
}

export async function signIn(username: string, password: string): Promise<Me> {
  return adopt(await api<Me>('/auth/login', { method: 'POST', body: { username, password } }));
}

export async function signOut(): Promise<void> {
  try {
    await api('/auth/logout', { method: 'POST' });
  } finally {
    set({ status: 'anonymous', reason: 'signedOut' });
  }
}

/** The session ended on the server (expired, revoked, signed out elsewhere). */
export function sessionLost(): void {
  if (session.status === 'authenticated') set({ status: 'anonymous', reason: 'expired' });
  else if (session.status === 'loading') set({ status: 'anonymous' });
}

export function updateMe(me: Me): void {
  set({ status: 'authenticated', me: { ...me, csrfToken: me.csrfToken ?? getCsrf() } });
}

function getCsrf(): string | null {
  return session.status === 'authenticated' ? session.me.csrfToken : null;
}

/** Changes the interface language; when signed in, it is also saved to the user's preferences. */
export async function changeLocale(locale: Locale): Promise<void> {
  // Saved while the language loads, and even if the page is left at once: a reload right after
  // the click keeps the choice.
  const saved =
    session.status === 'authenticated' && session.me.user.preferences.locale !== locale
      ? api<Me>('/auth/me/preferences', { method: 'PATCH', body: { locale }, keepalive: true })
      : null;
  await applyLocale(locale);
  if (saved) updateMe(await saved);
}
