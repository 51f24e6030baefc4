import { Badge, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { useCan } from '../../app/session';
import { BackLink } from '../../components/BackLink';
import { ErrorState, LoadingState, PageHeader } from '../../components/ui';
import { isApiError } from '../../lib/api';
import { DocumentActions } from './DocumentActions';
import { DocumentMapPanel } from './DocumentMapPanel';
import { DocumentView } from './DocumentView';
import type { DocumentTypeConfig } from './document-types';
import { DocumentEditor } from './editor/DocumentEditor';
import { useDocument } from './sales-api';
import type { SalesDocument } from './sales-types';
import { KindBadge, StatusBadge } from './StatusBadge';

function useHeading(doc: SalesDocument | null, config: DocumentTypeConfig): string {
  const { t } = useTranslation();
  if (!doc) return t(`sales.types.${config.type}.new`);
  const what = doc.kind && doc.kind !== 'invoice' ? t(`sales.kinds.${doc.kind}`) : t(`sales.types.${doc.type}.singular`);
  return doc.number ? `${what} ${doc.number}` : t('sales.draftHeading', { what });
}

/**
 * A document: the editor while it is a draft (and the user may write), the frozen view otherwise.
 * `/quotes/new` is the same screen without a document yet: the editor stays mounted when the first
 * save gives the draft its address, so lines typed meanwhile are not lost.
 */
export function DocumentPage({ config }: { config: DocumentTypeConfig }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const can = useCan();
  const creating = id === 'new';
  // The editor keeps its key from `new` to the address its first save gave it, and changes for another document.
  const [editor, setEditor] = useState({ id, key: id });
  if (editor.id !== id) setEditor({ id, key: editor.id === 'new' ? editor.key : id });
  const query = useDocument(config.type, creating ? undefined : id);
  const heading = useHeading(query.data ?? null, config);
  if (!creating && query.isPending) return <LoadingState />;
  if (!creating && query.isError) return <ErrorState error={query.error} onRetry={isApiError(query.error, 404) ? undefined : () => void query.refetch()} />;
  const doc = creating ? null : (query.data ?? null);
  const editable = doc === null || (doc.status === 'draft' && can('billing:write'));
  const accountId = params.get('accountId');
  return (
    <>
      <PageHeader title={heading} back={<BackLink to={`/${config.path}`} label={t(`sales.types.${config.type}.back`)} />} actions={doc && !editable ? <DocumentActions doc={doc} /> : null} />
      <Stack gap="lg">
        {doc ? (
          <Group gap={6} mt={-12}>
            <StatusBadge type={doc.type} status={doc.status} size="lg" />
            <KindBadge kind={doc.kind} />
            {doc.testMode ? (
              <Badge color="yellow" variant="filled">
                TEST
              </Badge>
            ) : null}
            {doc.proforma ? <Badge variant="outline">{t('sales.header.proforma')}</Badge> : null}
          </Group>
        ) : null}
        {doc ? <DocumentMapPanel id={doc.id} /> : null}
        {editable ? (
          <DocumentEditor
            key={editor.key}
            type={config.type}
            doc={doc}
            initialAccount={accountId ? { id: accountId, name: params.get('accountName') } : null}
            actions={doc ? ({ dirty, save }) => <DocumentActions doc={doc} dirty={dirty} save={save} /> : undefined}
          />
        ) : doc ? (
          <DocumentView doc={doc} />
        ) : null}
      </Stack>
    </>
  );
}
