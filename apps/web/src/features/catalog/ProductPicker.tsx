import { RemotePicker, type RemotePickerProps, type UseMatches } from '../../components/RemotePicker';
import { useProductSearch } from './catalog-api';

/** The catalog's products whose reference or name matches the search. */
const useProductMatches: UseMatches = (q) => {
  const results = useProductSearch(q);
  return { data: results.data?.data.map((p) => ({ value: p.id, label: `${p.reference} · ${p.name}` })), isFetching: results.isFetching };
};

/** Product chooser searching the catalog on the server; `selectedLabel` names the value before any search. */
export function ProductPicker({ value, selectedLabel, ...props }: { value: string | null; selectedLabel?: string } & Omit<RemotePickerProps, 'value' | 'valueLabel' | 'useMatches'>) {
  return <RemotePicker {...props} value={value} valueLabel={selectedLabel ?? value ?? ''} useMatches={useProductMatches} />;
}
