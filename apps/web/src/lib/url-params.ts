import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/** List filters live in the URL (shareable, kept on back/forward): read them and set one at a time. */
export function useUrlParams(): [URLSearchParams, (name: string, value: string | null | undefined) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const setParam = useCallback(
    (name: string, value: string | null | undefined) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  return [params, setParam, reset];
}
