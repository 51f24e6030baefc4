import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompanyKey } from '../../app/company';
import { ApiError, companyStore } from '../../lib/api';
import { IconExternal } from '../../components/icons';
import { LoadingState } from '../../components/ui';
import { pdfUrl } from './sales-api';
import type { DocumentType } from './sales-types';

/** The PDF is fetched with the company header (an iframe could not send it) and shown from a blob URL. */
async function fetchPdf(url: string): Promise<Blob> {
  const company = companyStore.get();
  const response = await fetch(url, { credentials: 'same-origin', headers: company ? { 'Comptoir-Company': company, Accept: 'application/pdf' } : { Accept: 'application/pdf' } });
  if (!response.ok) {
    const text = await response.text();
    throw new ApiError(response.status, text ? JSON.parse(text) : undefined);
  }
  return response.blob();
}

export function PdfPreviewModal({ type, id, version, title, onClose }: { type: DocumentType; id: string; version: string; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const key = useCompanyKey();
  const pdf = useQuery({ queryKey: key('documents', 'pdf', id, version), queryFn: () => fetchPdf(pdfUrl(type, id)), staleTime: Infinity, gcTime: 0 });
  const objectUrl = useMemo(() => (pdf.data ? URL.createObjectURL(pdf.data) : null), [pdf.data]);
  useEffect(() => () => {
    if (objectUrl) URL.revokeObjectURL(objectUrl);
  }, [objectUrl]);

  return (
    <Modal opened onClose={onClose} title={title} size="80rem" centered>
      <Stack>
        {pdf.isPending ? <LoadingState label={t('sales.pdf.loading')} minHeight={300} /> : null}
        {pdf.isError ? (
          <Alert color="red" role="alert" title={t('sales.pdf.error')}>
            {pdf.error instanceof ApiError ? pdf.error.message : String(pdf.error)}
          </Alert>
        ) : null}
        {objectUrl ? (
          <>
            <object data={objectUrl} type="application/pdf" aria-label={t('sales.pdf.frame')} style={{ width: '100%', height: '75vh', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}>
              <Text size="sm">{t('sales.pdf.noViewer')}</Text>
            </object>
            <Group justify="flex-end">
              <Button component="a" href={objectUrl} target="_blank" rel="noopener" variant="default" leftSection={<IconExternal size={16} />}>
                {t('sales.pdf.openTab')}
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Modal>
  );
}
