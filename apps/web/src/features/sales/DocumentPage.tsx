import { Anchor, Badge, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { useCan } from '../../app/session';
import { IconArrowLeft } from '../../components/icons';
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

function BackToList({ config }: { config: DocumentTypeConfig }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={`/${config.path}`} size="sm" c="dimmed">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} />
        {t(`sales.types.${config.type}.back`)}
      </Group>
    </Anchor>
  );
}

function useHeading(doc: SalesDocument): string {
  const { t } = useTranslation();
  const what = doc.kind && doc.kind !== 'invoice' ? t(`sales.kinds.${doc.kind}`) : t(`sales.types.${doc.type}.singular`);
  return doc.number ? `${what} ${doc.number}` : t('sales.draftHeading', { what });
}

/** A document: the editor while it is a draft (and the user may write), the frozen view otherwise. */
export function DocumentPage({ config }: { config: DocumentTypeConfig }) {
  const { id = '' } = useParams();
  const doc = useDocument(config.type, id);
  if (doc.isPending) return <LoadingState />;
  if (doc.isError) return <ErrorState error={doc.error} onRetry={isApiError(doc.error, 404) ? undefined : () => void doc.refetch()} />;
  return <LoadedDocument config={config} doc={doc.data} />;
}

function LoadedDocument({ config, doc }: { config: DocumentTypeConfig; doc: SalesDocument }) {
  const { t } = useTranslation();
  const location = useLocation();
  const can = useCan();
  const title = useHeading(doc);
  const editable = doc.status === 'draft' && can('billing:write');
  return (
    <>
      <PageHeader title={title} back={<BackToList config={config} />} actions={editable ? null : <DocumentActions doc={doc} />} />
      <Stack gap="lg">
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
        <DocumentMapPanel id={doc.id} />
        {editable ? (
          <DocumentEditor
            key={doc.id}
            type={config.type}
            doc={doc}
            focusEntry={Boolean((location.state as { focusEntry?: boolean } | null)?.focusEntry)}
            actions={({ dirty, save }) => <DocumentActions doc={doc} dirty={dirty} save={save} />}
          />
        ) : (
          <DocumentView doc={doc} />
        )}
      </Stack>
    </>
  );
}

export function NewDocumentPage({ config }: { config: DocumentTypeConfig }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const accountId = params.get('accountId');
  return (
    <>
      <PageHeader title={t(`sales.types.${config.type}.new`)} back={<BackToList config={config} />} />
      <DocumentEditor type={config.type} doc={null} initialAccount={accountId ? { id: accountId, name: params.get('accountName') } : null} />
    </>
  );
}
