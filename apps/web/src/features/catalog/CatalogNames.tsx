import { useQuery } from '@tanstack/react-query';
import { useCompanyKey } from '../../app/company';
import { api, unwrap } from '../../lib/api';
import { useProduct } from './catalog-api';

/** "REF · Name" of a product id, from the (cached) product. */
export function ProductName({ id }: { id: string }) {
  const product = useProduct(id);
  return <>{product.data ? `${product.data.reference} · ${product.data.name}` : '…'}</>;
}

/** Name of an account id, from the (cached) account. */
export function AccountName({ id }: { id: string }) {
  const key = useCompanyKey();
  const account = useQuery({ queryKey: key('accounts', 'detail', id), queryFn: () => unwrap(api.GET('/api/v1/accounts/{id}', { params: { path: { id } } })), staleTime: 300_000 });
  return <>{account.data?.name ?? '…'}</>;
}
