import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, formatMoney } from '../../lib/format';
import { documentHref } from './document-types';
import { useDocumentMap } from './sales-api';
import type { DocumentMap } from './sales-types';
import { StatusBadge } from './StatusBadge';

type Node = DocumentMap['nodes'][number];

/** Nodes in chain order: parents before children (a topological walk from the roots). */
function chainOrder(map: DocumentMap): Node[] {
  const children = new Map<string, string[]>();
  const hasParent = new Set<string>();
  for (const e of map.edges) {
    children.set(e.parentId, [...(children.get(e.parentId) ?? []), e.childId]);
    hasParent.add(e.childId);
  }
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const out: Node[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const node = byId.get(id);
    if (node) out.push(node);
    for (const child of children.get(id) ?? []) visit(child);
  };
  for (const n of map.nodes) if (!hasParent.has(n.id)) visit(n.id);
  for (const n of map.nodes) visit(n.id);
  return out;
}

/** The chain of linked documents (quote → order → delivery note → invoice → credit note); each one opens. */
export function DocumentMapPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const map = useDocumentMap(id);
  if (!map.data || map.data.nodes.length < 2) return null;
  const nodes = chainOrder(map.data);
  return (
    <Paper withBorder p="md" component="nav" aria-label={t('sales.map.title')}>
      <Title order={2} fz="md" fw={650} mb="sm">
        {t('sales.map.title')}
      </Title>
      <Group gap="xs" wrap="wrap" align="stretch">
        {nodes.map((n, i) => (
          <Fragment key={n.id}>
            {i > 0 ? (
              <Text c="dimmed" aria-hidden="true" style={{ alignSelf: 'center' }}>
                →
              </Text>
            ) : null}
            <Paper withBorder p="xs" bg={n.id === id ? 'comptoir.0' : undefined} aria-current={n.id === id ? 'page' : undefined}>
              <Stack gap={2}>
                <Text size="xs" c="dimmed">
                  {n.kind && n.kind !== 'invoice' ? t(`sales.kinds.${n.kind}`) : t(`sales.types.${n.type}.singular`)}
                </Text>
                {n.id === id ? (
                  <Text size="sm" fw={650}>
                    {n.number ?? t('sales.draftNumber')}
                  </Text>
                ) : (
                  <Anchor component={Link} to={documentHref(n.type, n.id)} size="sm" fw={650}>
                    {n.number ?? t('sales.draftNumber')}
                  </Anchor>
                )}
                <Group gap={6}>
                  <StatusBadge type={n.type} status={n.status} size="xs" />
                  <Text size="xs" c="dimmed">
                    {formatDate(n.date)} · {formatMoney(n.gross)}
                  </Text>
                </Group>
              </Stack>
            </Paper>
          </Fragment>
        ))}
      </Group>
    </Paper>
  );
}
