import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Schemas } from '@comptoir/api-client';
import { api, companyStore, isApiError, unwrap } from '../lib/api';
import { LoadingState, ErrorState } from '../components/ui';
import { useCompany, useCompanyKey } from './company';

export type Me = Schemas['MeResponseDto'];

const MeContext = createContext<Me | null>(null);

async function fetchMe(): Promise<Me> {
  try {
    return await unwrap(api.GET('/api/v1/me'));
  } catch (error) {
    // A remembered company the user no longer belongs to: fall back to the default one.
    if (isApiError(error, 403) && companyStore.get()) {
      companyStore.set(null);
      return unwrap(api.GET('/api/v1/me'));
    }
    throw error;
  }
}

export function useMeQuery() {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('me'), queryFn: fetchMe, retry: false, staleTime: 60_000 });
}

/** Routes below need a session; without one the user goes to the login page and comes back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMeQuery();
  const location = useLocation();
  const { companyId, setCompanyId } = useCompany();
  const client = useQueryClient();

  // Pin the company the API answered for, so every later request names it explicitly.
  useEffect(() => {
    if (me.data && me.data.company.id !== companyId) {
      client.setQueryData(['company', me.data.company.id, 'me'], me.data);
      setCompanyId(me.data.company.id);
    }
  }, [me.data, companyId, setCompanyId, client]);

  if (me.isPending) return <LoadingState minHeight={400} />;
  if (me.isError) {
    if (isApiError(me.error, 401)) {
      const next = `${location.pathname}${location.search}`;
      return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
    }
    return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  }
  return <MeContext.Provider value={me.data}>{children}</MeContext.Provider>;
}

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside RequireSession');
  return me;
}

/** Write implies read; `*` grants everything (the API's own rule). */
export function hasScope(scopes: readonly string[], required: string): boolean {
  if (scopes.includes('*') || scopes.includes(required)) return true;
  const [module, access] = required.split(':');
  return access === 'read' && scopes.includes(`${module}:write`);
}

export function useCan(): (scope: string) => boolean {
  const me = useMe();
  return (scope: string) => hasScope(me.scopes, scope);
}

export function useSignOut(): () => Promise<void> {
  const client = useQueryClient();
  const { setCompanyId } = useCompany();
  return async () => {
    await api.POST('/api/v1/auth/logout').catch(() => undefined);
    setCompanyId(null);
    client.clear();
  };
}
