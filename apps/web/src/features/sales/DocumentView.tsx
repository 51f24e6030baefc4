import { Grid, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AccountName } from '../../components/AccountName';
import { Field } from '../../components/Field';
import { formatDate, formatDateTime, formatMoney, formatPercent, formatQuantity } from '../../lib/format';
import { TableHead } from '../../components/TableHead';
import { InvoiceDunningPanel } from '../dunning/InvoiceDunningPanel';
import { EInvoicePanel } from '../einvoicing/EInvoicePanel';
import { BalancePanel } from '../payments/BalancePanel';
import { ScheduleTable, TotalsPanel } from './TotalsPanel';
import type { SalesDocument } from './sales-types';

/** A validated (or done, cancelled…) document: everything as frozen, nothing editable. */
export function DocumentView({ doc }: { doc: SalesDocument }) {
  const { t } = useTranslation();
  const withPrices = doc.type !== 'delivery_note';
  const money = (v: string, digits: 2 | 4 = 2) => formatMoney(v, doc.currency, digits);
  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" component="section" aria-label={t('sales.header.customerSection')}>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
          <Field label={t('sales.header.customer')}>
            <AccountName id={doc.accountId} />
          </Field>
          <Field label={t('sales.header.title')}>{doc.title}</Field>
          <Field label={t('sales.header.date')}>{formatDate(doc.date)}</Field>
          {doc.validityDate ? <Field label={t('sales.header.validityDate')}>{formatDate(doc.validityDate)}</Field> : null}
          {doc.deliveryDate ? <Field label={t('sales.header.deliveryDate')}>{formatDate(doc.deliveryDate)}</Field> : null}
          {doc.dueDate ? <Field label={t('sales.header.dueDate')}>{formatDate(doc.dueDate)}</Field> : null}
          {doc.paymentMethod ? <Field label={t('sales.header.paymentMethod')}>{t(`customers.paymentMethods.${doc.paymentMethod as 'transfer'}`, { defaultValue: doc.paymentMethod })}</Field> : null}
          {doc.validatedAt ? <Field label={t('sales.header.validatedAt')}>{formatDateTime(doc.validatedAt)}</Field> : null}
          {doc.billingAddress ? (
            <Field label={t('sales.header.billingAddress')}>
              {[doc.billingAddress.line1, doc.billingAddress.line2, `${doc.billingAddress.postalCode} ${doc.billingAddress.city}`].filter(Boolean).join(', ')}
            </Field>
          ) : null}
          {doc.buyerVatNumber ? <Field label={t('sales.header.buyerVatNumber')}>{doc.buyerVatNumber}</Field> : null}
          {doc.proforma ? <Field label={t('sales.header.proforma')}>{t('common.yes')}</Field> : null}
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="lg" component="section" aria-label={t('sales.lines.title')}>
        <Title order={2} fz="md" fw={650} mb="md">
          {t('sales.lines.title')}
        </Title>
        <Table.ScrollContainer minWidth={700}>
          <Table aria-label={t('sales.lines.tableLabel')} verticalSpacing={6}>
            <TableHead
              columns={[
                { label: t('sales.lines.description') },
                { label: t('sales.lines.quantity'), align: 'right' },
                ...(withPrices ? [t('sales.lines.unitPrice'), t('sales.lines.discount'), t('sales.lines.vat'), t('sales.lines.net')].map((label) => ({ label, align: 'right' as const })) : []),
              ]}
            />
            <Table.Tbody>
              {doc.lines.map((l) =>
                l.kind === 'page_break' ? (
                  <Table.Tr key={l.id}>
                    <Table.Td colSpan={withPrices ? 6 : 2}>
                      <Text size="xs" c="dimmed" ta="center" tt="uppercase">
                        {t('sales.lines.pageBreak')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : l.kind === 'comment' ? (
                  <Table.Tr key={l.id}>
                    <Table.Td colSpan={withPrices ? 6 : 2} fz="sm" fs="italic" style={{ whiteSpace: 'pre-line' }}>
                      {l.description}
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={l.id}>
                    <Table.Td fz="sm">
                      {l.reference ? (
                        <Text span ff="monospace" size="xs" c="dimmed" mr={6}>
                          {l.reference}
                        </Text>
                      ) : null}
                      {l.description}
                    </Table.Td>
                    <Table.Td ta="right" fz="sm">
                      {formatQuantity(l.quantity)} {l.unit ? t(`catalog.units.${l.unit as 'hour'}`, { defaultValue: l.unit }) : ''}
                    </Table.Td>
                    {withPrices ? (
                      <>
                        <Table.Td ta="right" fz="sm">
                          {money(l.unitPrice, 4)}
                        </Table.Td>
                        <Table.Td ta="right" fz="sm">
                          {l.discountPercent ? formatPercent(l.discountPercent) : ''}
                        </Table.Td>
                        <Table.Td ta="right" fz="sm">
                          {formatPercent(l.vatRate)}
                        </Table.Td>
                        <Table.Td ta="right" fz="sm" fw={500}>
                          {money(l.net)}
                        </Table.Td>
                      </>
                    ) : null}
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      {withPrices ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="lg">
              {doc.schedule.length ? (
                <Paper withBorder p="lg" component="section" aria-label={t('sales.terms.title')}>
                  <Title order={2} fz="md" fw={650}>
                    {t('sales.terms.title')}
                  </Title>
                  <ScheduleTable schedule={doc.schedule} currency={doc.currency} />
                </Paper>
              ) : null}
              {doc.termsOfSale || doc.specialTerms ? (
                <Paper withBorder p="lg">
                  <SimpleGrid cols={{ base: 1, md: 2 }}>
                    <Field label={t('sales.header.termsOfSale')}>{doc.termsOfSale}</Field>
                    <Field label={t('sales.header.specialTerms')}>{doc.specialTerms}</Field>
                  </SimpleGrid>
                </Paper>
              ) : null}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <TotalsPanel totals={doc.totals} currency={doc.currency} />
          </Grid.Col>
        </Grid>
      ) : null}
      {doc.type === 'invoice' && doc.validatedAt ? <BalancePanel doc={doc} /> : null}
      {doc.type === 'invoice' && doc.validatedAt ? <EInvoicePanel doc={doc} /> : null}
      {doc.type === 'invoice' && doc.kind !== 'credit_note' && doc.validatedAt ? <InvoiceDunningPanel invoiceId={doc.id} recoveryStatus={doc.recoveryStatus} /> : null}
    </Stack>
  );
}
