import { useQuery } from '@tanstack/react-query';
import { roleCan, type Permission, type SessionInfo } from '@northstar/contracts';
import { api, setCsrfToken } from '../../api/client';

export const sessionKey = ['session'] as const;

export async function fetchSession(): Promise<SessionInfo> {
  const session = await api.get<SessionInfo>('/auth/session');
  setCsrfToken(session.csrfToken);
  return session;
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000, retry: false });
}

/** The signed-in user's permission check; the API refuses the same things, this only hides them. */
export function useCan(): (permission: Permission) => boolean {
  const { data } = useSession();
  return (permission) => Boolean(data && roleCan(data.user.role, permission));
}
