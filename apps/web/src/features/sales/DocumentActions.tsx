import { Button, Group, Menu, Modal, Stack, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCan } from '../../app/session';
import { IconCheck, IconCopy, IconFile, IconReceipt, IconTrash, IconX } from '../../components/icons';
import { ConfirmDialog, FormErrorAlert } from '../../components/ui';
import { CreditNoteModal } from './CreditNoteModal';
import { DOCUMENT_TYPES, documentHref } from './document-types';
import { PdfPreviewModal } from './PdfPreview';
import { StripeCollectButton } from '../stripe/StripeCollectButton';
import { DepositButton } from '../deposits/DepositButton';
import { einvoiceIncomplete } from '../einvoicing/einvoice-incomplete';
import { useConvertDocument, useDeleteDocument, useDocumentAction } from './sales-api';
import type { SalesDocument } from './sales-types';

type Dialog = 'validate' | 'delete' | 'cancel' | 'refuse' | 'credit' | 'pdf' | null;

/**
 * What can be done with a document in its state: validate a draft (after saving it), convert along the
 * chain, credit an invoice, duplicate, cancel or refuse, delete a draft, preview the PDF.
 */
export function DocumentActions({ doc, dirty = false, save }: { doc: SalesDocument; dirty?: boolean; save?: () => Promise<SalesDocument | null> }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const action = useDocumentAction(doc.type, doc.id);
  const convert = useConvertDocument(doc.type, doc.id);
  const remove = useDeleteDocument(doc.type, doc.id);
  const config = DOCUMENT_TYPES[doc.type];
  const writable = can('billing:write');
  const draft = doc.status === 'draft';
  const open = doc.status === 'validated' || doc.status === 'done';
  const close = () => {
    action.reset();
    remove.reset();
    setDialog(null);
  };

  const run = (name: 'validate' | 'cancel' | 'refuse') => async () => {
    try {
      if (name === 'validate' && dirty && save) await save();
      await action.mutateAsync(name);
      setDialog(null);
    } catch {
      // Shown in the dialog.
    }
  };
  // Duplicate and revise give a new draft, opened at once; synchronise changes this draft in place.
  const toNewDraft = (name: 'duplicate' | 'revise') => action.mutate(name, { onSuccess: (copy) => navigate(documentHref(copy.type, copy.id)) });
  const pdfTitle = doc.number ? t('sales.pdf.titleNumbered', { number: doc.number }) : t('sales.pdf.titleDraft');
  // Convert and duplicate have no dialog of their own: a refusal is shown in one.
  const failed = dialog === null ? (convert.error ?? (action.variables === 'duplicate' || action.variables === 'revise' || action.variables === 'synchronise' ? action.error : null)) : null;

  return (
    <>
      <Button variant="default" leftSection={<IconFile size={16} />} onClick={() => setDialog('pdf')}>
        {t('sales.actions.pdf')}
      </Button>
      {writable && open && config.convertTo.length ? (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="light" loading={convert.isPending}>
              {t('sales.actions.convert')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {config.convertTo.map((to) => (
              <Menu.Item key={to} onClick={() => convert.mutate(to, { onSuccess: (child) => navigate(documentHref(child.type, child.id)) })}>
                {t(`sales.types.${to}.convertInto`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      ) : null}
      {writable && open && doc.type === 'invoice' && doc.kind !== 'credit_note' ? (
        <Button variant="light" color="pink" leftSection={<IconReceipt size={16} />} onClick={() => setDialog('credit')}>
          {t('sales.actions.creditNote')}
        </Button>
      ) : null}
      <DepositButton doc={doc} />
      <StripeCollectButton doc={doc} />
      {writable && !(doc.type === 'invoice' && doc.kind === 'credit_note') ? (
        <Button variant="default" leftSection={<IconCopy size={16} />} onClick={() => toNewDraft('duplicate')} loading={action.isPending && action.variables === 'duplicate'}>
          {t('sales.actions.duplicate')}
        </Button>
      ) : null}
      {writable && doc.type === 'quote' && doc.status === 'validated' ? (
        <Button variant="default" onClick={() => toNewDraft('revise')} loading={action.isPending && action.variables === 'revise'}>
          {t('sales.actions.revise')}
        </Button>
      ) : null}
      {writable && draft && !dirty && config.hasPrices ? (
        <Tooltip label={t('sales.actions.synchroniseHint')}>
          <Button variant="default" onClick={() => action.mutate('synchronise')} loading={action.isPending && action.variables === 'synchronise'}>
            {t('sales.actions.synchronise')}
          </Button>
        </Tooltip>
      ) : null}
      {writable && doc.status === 'validated' && config.refusable ? (
        <Button variant="default" color="orange" onClick={() => setDialog('refuse')}>
          {t('sales.actions.refuse')}
        </Button>
      ) : null}
      {writable && doc.status === 'validated' && config.cancellable ? (
        <Button variant="default" color="red" leftSection={<IconX size={16} />} onClick={() => setDialog('cancel')}>
          {t('sales.actions.cancel')}
        </Button>
      ) : null}
      {writable && draft ? (
        <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDialog('delete')}>
          {t('common.delete')}
        </Button>
      ) : null}
      {writable && draft ? (
        <Button color="green" leftSection={<IconCheck size={16} />} onClick={() => setDialog('validate')}>
          {t('sales.actions.validate')}
        </Button>
      ) : null}

      <ConfirmDialog
        opened={dialog === 'validate'}
        title={doc.kind === 'credit_note' ? t('sales.actions.validateCreditNoteTitle') : doc.kind === 'deposit' ? t('sales.actions.validateDepositTitle') : t(`sales.types.${doc.type}.validateTitle`)}
        message={einvoiceIncomplete(action.error) ? t('einvoicing.incomplete') : !doc.testMode ? t('sales.actions.validateFinal') : t('sales.actions.validateTest')}
        confirmLabel={t('sales.actions.validateConfirm')}
        loading={action.isPending}
        error={action.error}
        onClose={close}
        onConfirm={() => void run('validate')()}
      />
      <ConfirmDialog opened={dialog === 'cancel'} title={t('sales.actions.cancelTitle')} message={t('sales.actions.cancelMessage')} confirmLabel={t('sales.actions.cancel')} loading={action.isPending} error={action.error} onClose={close} onConfirm={() => void run('cancel')()} />
      <ConfirmDialog opened={dialog === 'refuse'} title={t('sales.actions.refuseTitle')} message={t('sales.actions.refuseMessage')} confirmLabel={t('sales.actions.refuse')} loading={action.isPending} error={action.error} onClose={close} onConfirm={() => void run('refuse')()} />
      <ConfirmDialog
        opened={dialog === 'delete'}
        title={t('sales.actions.deleteTitle')}
        message={t('sales.actions.deleteMessage')}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        error={remove.error}
        onClose={close}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate(`/${config.path}`) })}
      />
      <Modal
        opened={Boolean(failed)}
        onClose={() => {
          convert.reset();
          action.reset();
        }}
        title={t('sales.actions.failed')}
        centered
      >
        <Stack>
          <FormErrorAlert error={failed} />
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                convert.reset();
                action.reset();
              }}
            >
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {dialog === 'credit' ? <CreditNoteModal invoice={doc} onClose={close} /> : null}
      {dialog === 'pdf' ? <PdfPreviewModal type={doc.type} id={doc.id} version={doc.updatedAt} title={pdfTitle} onClose={close} /> : null}
    </>
  );
}
