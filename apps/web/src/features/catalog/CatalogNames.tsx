import { useProduct } from './catalog-api';

/** "REF · Name" of a product id, from the (cached) product. */
export function ProductName({ id }: { id: string }) {
  const product = useProduct(id);
  return <>{product.data ? `${product.data.reference} · ${product.data.name}` : '…'}</>;
}
