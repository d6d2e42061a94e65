import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SessionUser } from '../../shared/domain/users';
import type { Role } from '../../shared/domain/roles';
import { rpc, session } from '../api/client';

interface AuthState {
  user: SessionUser | null;
  /** True while the stored session is being checked at start. */
  checking: boolean;
  /** Set when the main process ended the session (idle timeout). */
  expired: boolean;
  signIn(token: string, user: SessionUser): void;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [user, setUser] = useState<SessionUser | null>(null);
  const [checking, setChecking] = useState(Boolean(session.token));
  const [expired, setExpired] = useState(false);

  const refresh = useCallback(async () => {
    if (!session.token) return setUser(null);
    try {
      setUser(await rpc('auth.me', {}));
    } catch {
      setUser(null);
    }
  }, []);

  useEffect(() => {
    void refresh().finally(() => setChecking(false));
    const unsubscribe = session.onUnauthenticated(() => {
      setUser(null);
      setExpired(true);
      qc.clear();
    });
    return () => {
      unsubscribe();
    };
  }, [refresh, qc]);

  const value = useMemo<AuthState>(
    () => ({
      user,
      checking,
      expired,
      signIn(token, u) {
        session.set(token);
        setExpired(false);
        setUser(u);
      },
      async signOut() {
        try {
          await rpc('auth.logout', {});
        } catch {
          /* the session may already be gone */
        }
        session.set(null);
        qc.clear();
        setUser(null);
      },
      refresh,
      hasRole: (...roles) => Boolean(user && user.roles.some((r) => roles.includes(r))),
    }),
    [user, checking, expired, refresh, qc],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
