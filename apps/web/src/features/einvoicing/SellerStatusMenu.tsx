import { Button, Menu, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions, FormErrorAlert } from '../../components/ui';
import { ApiError } from '../../lib/api';
import { SELLER_CODES, useEmitSellerStatus, type SellerCode } from './einvoicing-api';

const STATUS_OF: Record<SellerCode, 'cashed_in' | 'disputed' | 'completed'> = { 212: 'cashed_in', 207: 'disputed', 209: 'completed' };

/**
 * The statuses the seller reports on its own e-invoice (cashed in, disputed, completed). The server
 * checks each against where the e-invoice stands and says why when it does not apply.
 */
export function SellerStatusMenu({ id }: { id: string }) {
  const { t } = useTranslation();
  const emit = useEmitSellerStatus(id);
  const [code, setCode] = useState<SellerCode | null>(null);
  const [reason, setReason] = useState('');
  const close = () => {
    emit.reset();
    setCode(null);
    setReason('');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (code === null) return;
    emit.mutate({ code, reason: reason.trim() || null }, { onSuccess: close });
  };
  const errors = emit.error instanceof ApiError ? emit.error.fields : {};
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" size="xs">
            {t('einvoicing.seller.emit')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {SELLER_CODES.map((c) => (
            <Menu.Item key={c} onClick={() => setCode(c)}>
              {c} — {t(`einvoicing.status.${STATUS_OF[c]}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={code !== null} onClose={close} title={code ? t('einvoicing.seller.title', { status: t(`einvoicing.status.${STATUS_OF[code]}`), code }) : ''} centered>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{code ? t(`einvoicing.seller.hints.${code}`) : null}</Text>
            {emit.error ? <FormErrorAlert error={emit.error} shownFields={['reason']} /> : null}
            <Textarea label={t('einvoicing.seller.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required={code === 207} maxLength={500} autosize minRows={2} error={errors['reason']} />
            <FormActions onCancel={close} submitLabel={t('einvoicing.seller.send')} loading={emit.isPending} />
          </Stack>
        </form>
      </Modal>
    </>
  );
}
