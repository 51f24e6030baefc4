import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCompanyKey } from '../../app/company';
import { api, unwrap } from '../../lib/api';
import type { CustomerPriceBody, PriceListBody, ProductBody, ProductFilters, VatRateBody } from './catalog-types';

const PAGE_SIZE = 100;

export function useProductPages(filters: ProductFilters) {
  const key = useCompanyKey();
  return useInfiniteQuery({
    queryKey: key('products', 'list', filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => unwrap(api.GET('/api/v1/products', { params: { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } }, signal })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** First matches of a product search, as a query (the line entry also fetches it on Enter). */
export function productSearchQuery(key: (...parts: unknown[]) => unknown[], q: string) {
  return {
    queryKey: key('products', 'search', q),
    queryFn: ({ signal }: { signal?: AbortSignal }) => unwrap(api.GET('/api/v1/products', { params: { query: { q: q || undefined, active: true, limit: 20 } }, signal })),
    staleTime: 60_000,
  };
}

/** First matches of a product search: pickers and the line entry of the document editor. */
export function useProductSearch(q: string, enabled = true) {
  const key = useCompanyKey();
  return useQuery({ ...productSearchQuery(key, q), placeholderData: keepPreviousData, enabled });
}

export function useProduct(id: string | undefined) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('products', 'detail', id),
    queryFn: () => unwrap(api.GET('/api/v1/products/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
    staleTime: 300_000,
  });
}

export function useSaveProduct(id: string | undefined) {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (body: ProductBody) =>
      id ? unwrap(api.PATCH('/api/v1/products/{id}', { params: { path: { id } }, body })) : unwrap(api.POST('/api/v1/products', { body })),
    onSuccess: (product) => {
      client.setQueryData(key('products', 'detail', product.id), product);
      void client.invalidateQueries({ queryKey: key('products', 'list') });
      void client.invalidateQueries({ queryKey: key('products', 'search') });
    },
  });
}

export function useVatRates() {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('vat-rates'), queryFn: () => unwrap(api.GET('/api/v1/vat-rates', { params: { query: { limit: 200 } } })), staleTime: 300_000 });
}

export function useSaveVatRate(id: string | undefined) {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (body: VatRateBody) =>
      id ? unwrap(api.PATCH('/api/v1/vat-rates/{id}', { params: { path: { id } }, body })) : unwrap(api.POST('/api/v1/vat-rates', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: key('vat-rates') }),
  });
}

export function usePriceLists() {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('price-lists', 'list'), queryFn: () => unwrap(api.GET('/api/v1/price-lists', { params: { query: { limit: 200 } } })) });
}

export function usePriceList(id: string | undefined) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('price-lists', 'detail', id),
    queryFn: () => unwrap(api.GET('/api/v1/price-lists/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}

export function useSavePriceList(id: string | undefined) {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (body: PriceListBody) =>
      id ? unwrap(api.PATCH('/api/v1/price-lists/{id}', { params: { path: { id } }, body })) : unwrap(api.POST('/api/v1/price-lists', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: key('price-lists') }),
  });
}

export function useAccountPriceList(accountId: string | null) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('price-lists', 'account', accountId),
    queryFn: () => unwrap(api.GET('/api/v1/accounts/{id}/price-list', { params: { path: { id: accountId ?? '' } } })),
    enabled: Boolean(accountId),
  });
}

export function useAssignPriceList(accountId: string) {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (priceListId: string | null) =>
      priceListId
        ? unwrap(api.PUT('/api/v1/accounts/{id}/price-list', { params: { path: { id: accountId } }, body: { priceListId } }))
        : unwrap(api.DELETE('/api/v1/accounts/{id}/price-list', { params: { path: { id: accountId } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: key('price-lists', 'account', accountId) }),
  });
}

export function useCustomerPrices(filter: { accountId?: string; productId?: string }) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('customer-prices', filter),
    queryFn: () => unwrap(api.GET('/api/v1/customer-prices', { params: { query: { ...filter, limit: 200 } } })),
  });
}

export function useCreateCustomerPrice() {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (body: CustomerPriceBody) => unwrap(api.POST('/api/v1/customer-prices', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: key('customer-prices') }),
  });
}

export function useDeleteCustomerPrice() {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/customer-prices/{id}', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: key('customer-prices') }),
  });
}
