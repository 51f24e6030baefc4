import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * The entity a row action asks to confirm (delete, revoke, remove…) and the props that wire a
 * ConfirmDialog to the mutation run on it: the dialog closes once the mutation succeeds, and closing
 * it forgets the last error, so the next confirmation does not show a stale one.
 */
export function useConfirmTarget<T extends { id: string }, R>(mutation: UseMutationResult<R, unknown, string>) {
  const [target, setTarget] = useState<T | null>(null);
  return {
    target,
    ask: setTarget,
    dialog: {
      opened: target !== null,
      loading: mutation.isPending,
      error: mutation.error,
      onClose: () => {
        mutation.reset();
        setTarget(null);
      },
      onConfirm: () => {
        if (target) mutation.mutate(target.id, { onSuccess: () => setTarget(null) });
      },
    },
  };
}
