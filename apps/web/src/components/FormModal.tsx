import { Modal, Stack, type ModalProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { FormActions, FormErrorAlert } from './ui';

interface FormModalProps {
  title: ReactNode;
  size?: ModalProps['size'];
  opened?: boolean;
  onClose: () => void;
  /** Runs on submit; the browser's own submission is already prevented. */
  onSubmit: () => void;
  /** The save mutation's error: field errors stay with the fields, the rest shows above the form. */
  error: unknown;
  /** Fields the form shows (their errors are not repeated in the alert). */
  shownFields: string[];
  submitLabel: ReactNode;
  loading: boolean;
  children: ReactNode;
}

/** The create/edit dialog of an entity: a form (browser validation off: the API's errors are shown) ending with Cancel / submit. */
export function FormModal({ title, size, opened = true, onClose, onSubmit, error, shownFields, submitLabel, loading, children }: FormModalProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {error ? <FormErrorAlert error={error} shownFields={shownFields} /> : null}
          {children}
          <FormActions onCancel={onClose} submitLabel={submitLabel} loading={loading} />
        </Stack>
      </form>
    </Modal>
  );
}
