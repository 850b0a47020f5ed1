import { createContext, createResource, useContext } from 'solid-js';
import { api, type Me } from '../api/client';
import type { RoleName } from '../../../shared/schemas/auth';

/** Who is signed in; `undefined` for a visitor, which /api/auth/session answers without an error. */
export function createSession() {
  const [me, { mutate, refetch }] = createResource<Me | undefined>(() => api.session());
  const hasRole = (role: RoleName) => (me.state === 'ready' ? (me()?.roles.some((r) => r.role === role) ?? false) : false);
  return {
    me,
    hasRole,
    providerId: () => me()?.roles.flatMap((r) => (r.role === 'provider' ? [r.providerId] : []))[0],
    municipalityScope: () => me()?.roles.flatMap((r) => (r.role === 'municipality' ? [r.municipalityId] : []))[0],
    async signIn(email: string, code: string) {
      await api.signIn(email, code);
      await refetch();
    },
    async signOut() {
      await api.signOut();
      mutate(undefined);
    },
    async signOutEverywhere() {
      await api.signOutEverywhere();
      mutate(undefined);
    },
    refetch,
  };
}

export type Session = ReturnType<typeof createSession>;
export const SessionContext = createContext<Session>();

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside <SessionContext.Provider>');
  return session;
}
