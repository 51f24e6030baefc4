import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '@comptoir/api-client';
import { api, unwrap } from '../../lib/api';
import { useCompanyKey } from '../../app/company';

export type Company = Schemas['CompanyResponseDto'];
export type Establishment = Schemas['EstablishmentResponseDto'];
export type Sector = Schemas['SectorResponseDto'];
export type User = Schemas['UserResponseDto'];
export type ApiKey = Schemas['ApiKeyResponseDto'];

export function useCompanies() {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('companies'), queryFn: () => unwrap(api.GET('/api/v1/companies')) });
}

export function useEstablishments() {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('establishments'), queryFn: () => unwrap(api.GET('/api/v1/establishments')) });
}

export function useSectors(enabled = true) {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('sectors'), queryFn: () => unwrap(api.GET('/api/v1/sectors')), enabled });
}

export function useUsers(enabled = true) {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('users'), queryFn: () => unwrap(api.GET('/api/v1/users')), enabled });
}

export function useApiKeys() {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('api-keys'), queryFn: () => unwrap(api.GET('/api/v1/api-keys')) });
}
