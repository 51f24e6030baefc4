import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@comptoir/api-client';
import { useCompanyKey } from '../../app/company';
import { api, unwrap } from '../../lib/api';

/** Accounting resources as the contract declares them (openapi.json → @comptoir/api-client). */
export type AccountingSettings = Schemas['AccountingSettingsResponseDto'];
export type AccountingSettingsBody = Schemas['AccountingSettingsDto'];

export function useAccountingSettings() {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('accounting', 'settings'), queryFn: () => unwrap(api.GET('/api/v1/accounting/settings')) });
}

export function usePutAccountingSettings() {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (body: AccountingSettingsBody) => unwrap(api.PUT('/api/v1/accounting/settings', { body })),
    onSuccess: (settings) => client.setQueryData(key('accounting', 'settings'), settings),
  });
}

/** The company's own bank accounts (BANKING's list without accountId), each of which may get its own 512 account. */
export function useCompanyBankAccounts() {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('bank-accounts', 'own'), queryFn: () => unwrap(api.GET('/api/v1/bank-accounts')) });
}
