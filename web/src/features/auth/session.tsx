import { createContext, type ReactNode, useContext } from 'react';
import type { CurrentSession, Role } from './api';

const SessionContext = createContext<CurrentSession | null>(null);

export function SessionProvider({ session, children }: { session: CurrentSession; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The logged-in user, workspace and member; only inside the auth boundary. */
export function useSession(): CurrentSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() used outside the auth boundary');
  return session;
}

export function canManageWorkspace(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}
