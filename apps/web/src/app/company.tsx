import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { companyStore } from '../lib/api';

interface CompanyContextValue {
  /** The company named in `Comptoir-Company`; null until the user picks one (the API then uses the first). */
  companyId: string | null;
  setCompanyId(id: string | null): void;
}

const CompanyContext = createContext<CompanyContextValue | null>(null);

export function CompanyProvider({ children }: { children: ReactNode }) {
  const [companyId, setState] = useState<string | null>(companyStore.get());
  const setCompanyId = useCallback((id: string | null) => {
    companyStore.set(id);
    setState(id);
  }, []);
  const value = useMemo(() => ({ companyId, setCompanyId }), [companyId, setCompanyId]);
  return <CompanyContext.Provider value={value}>{children}</CompanyContext.Provider>;
}

export function useCompany(): CompanyContextValue {
  const value = useContext(CompanyContext);
  if (!value) throw new Error('useCompany outside CompanyProvider');
  return value;
}

/**
 * Query keys start with the selected company, so switching company never shows another company's
 * cached rows.
 */
export function useCompanyKey(): (...parts: unknown[]) => unknown[] {
  const { companyId } = useCompany();
  return useCallback((...parts: unknown[]) => ['company', companyId ?? 'default', ...parts], [companyId]);
}
