import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * List filters live in the URL (shareable, kept on back/forward): read them and set one at a time.
 * `reset` clears them all but `keepOnReset` (a sort order is a view choice, not a filter).
 */
export function useUrlParams({ keepOnReset = [] }: { keepOnReset?: string[] } = {}): [URLSearchParams, (name: string, value: string | null | undefined) => void, () => void] {
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
  const kept = keepOnReset.join(',');
  const reset = useCallback(
    () =>
      setParams(
        (prev) => {
          const next = new URLSearchParams();
          for (const name of kept ? kept.split(',') : []) {
            const value = prev.get(name);
            if (value) next.set(name, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams, kept],
  );
  return [params, setParam, reset];
}
