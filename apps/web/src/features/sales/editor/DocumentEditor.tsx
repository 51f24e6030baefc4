import { Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormErrorAlert } from '../../../components/ui';
import { ApiError } from '../../../lib/api';
import { useVatRates } from '../../catalog/catalog-api';
import type { Product } from '../../catalog/catalog-types';
import { documentHref } from '../document-types';
import { useAddProductLine, useSaveDocument } from '../sales-api';
import type { DocumentType, SalesDocument } from '../sales-types';
import { TotalsPanel } from '../TotalsPanel';
import { blankLine, emptyState, fromDocument, liveTotals, toBody, type EditorLine, type EditorState } from './editor-state';
import { DiscountShippingFields, PaymentTermsEditor } from './FooterFields';
import { HeaderFields } from './HeaderFields';
import { LinesGrid } from './LinesGrid';
import { ProductEntry } from './ProductEntry';
import { DepositDeductions } from '../../deposits/DepositDeductions';
import { EarlyPaymentDiscountFields } from '../../deposits/EarlyPaymentDiscountFields';

/** Header fields the form shows next to an input; other server errors go to the alert on top. */
const SHOWN = ['accountId', 'contactId', 'title', 'date', 'validityDate', 'deliveryDate', 'dueDate', 'paymentMethod', 'termsOfSale', 'specialTerms', 'internalNote', 'establishmentId'];

function productLine(product: Product, quantity: string): EditorLine {
  return { ...blankLine('item'), productId: product.id, reference: product.reference, description: product.name, quantity, unit: product.unit, unpriced: true };
}

/**
 * The draft editor. Totals and schedule are recomputed on every keystroke by the server's own engine
 * (@comptoir/billing-engine); saving sends the whole draft and the server's answer becomes the state.
 * A product is added through the server, which prices it for the customer.
 */
export function DocumentEditor({
  type,
  doc,
  initialAccount,
  actions,
}: {
  type: DocumentType;
  doc: SalesDocument | null;
  initialAccount?: { id: string; name: string | null } | null;
  actions?: (ctx: { dirty: boolean; save: () => Promise<SalesDocument | null> }) => ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const creating = doc === null;
  const [state, setState] = useState<EditorState>(() => (doc ? fromDocument(doc, null) : emptyState(initialAccount?.id ?? null, initialAccount?.name ?? null)));
  const [baseline, setBaseline] = useState(() => JSON.stringify(state));
  const [synced, setSynced] = useState(doc?.updatedAt ?? null);
  // A newer version from the server (after a save or an added line) replaces what is shown.
  if (doc && doc.updatedAt !== synced) {
    const next = fromDocument(doc, state.accountName);
    setSynced(doc.updatedAt);
    setState(next);
    setBaseline(JSON.stringify(next));
  }
  const dirty = JSON.stringify(state) !== baseline;

  const save = useSaveDocument(type);
  const addLine = useAddProductLine(type);
  const vatRates = useVatRates();
  const live = useMemo(() => liveTotals(state), [state]);
  const error = save.error ?? addLine.error;
  const errors = error instanceof ApiError ? error.fields : {};
  const currency = doc?.currency ?? 'EUR';
  const withPrices = type !== 'delivery_note';

  // Lines entered in a burst are added one after the other, each after the previous answer: they read
  // the latest state through this ref. An answer of the server is the latest state until a render with
  // that version (or a newer one) of the document takes over.
  const latest = useRef({ state, dirty, id: doc?.id ?? null, version: doc?.updatedAt ?? '' });
  if ((doc?.updatedAt ?? '') >= latest.current.version) latest.current = { state, dirty, id: doc?.id ?? latest.current.id, version: doc?.updatedAt ?? '' };
  const adopt = (saved: SalesDocument) => {
    latest.current = { state: fromDocument(saved, latest.current.state.accountName), dirty: false, id: saved.id, version: saved.updatedAt };
  };

  const set = <K extends keyof EditorState>(field: K, value: EditorState[K]) => setState((prev) => ({ ...prev, [field]: value }));

  /** Saves when there is something to save; a new document gets its address. Resolves to the saved document. */
  const persist = async (extra?: EditorLine): Promise<SalesDocument | null> => {
    const { state: current, dirty: changed, id } = latest.current;
    if (id && !extra && !changed) return doc;
    const next = extra ? { ...current, lines: [...current.lines, extra] } : current;
    const saved = await save.mutateAsync({ id, body: toBody(next, type, !id) });
    adopt(saved);
    if (!id) navigate(documentHref(type, saved.id), { replace: true });
    return saved;
  };

  const onProduct = async (product: Product, quantity: string) => {
    const { dirty: changed, id } = latest.current;
    try {
      if (id && !changed) adopt(await addLine.mutateAsync({ id, productId: product.id, quantity: quantity.replace(',', '.') }));
      else await persist(productLine(product, quantity.replace(',', '.')));
    } catch {
      // The error is shown above the form.
    }
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    persist().catch(() => undefined);
  };
  useHotkeys([['mod+S', () => submit()]], []);

  const addLocal = (kind: EditorLine['kind']) => set('lines', [...state.lines, blankLine(kind, state.lines.at(-1)?.vatRate)]);

  return (
    <form onSubmit={submit} noValidate aria-label={t('sales.editor.formLabel')}>
      <Stack gap="lg">
        {error ? <FormErrorAlert error={error} shownFields={SHOWN} /> : null}
        <HeaderFields type={type} state={state} set={set} creating={creating} errors={errors} />

        <Paper withBorder p="lg" component="section" aria-label={t('sales.lines.title')}>
          <Title order={2} fz="md" fw={650} mb="md">
            {t('sales.lines.title')}
          </Title>
          <LinesGrid lines={state.lines} onChange={(lines) => set('lines', lines)} withPrices={withPrices} vatRates={vatRates.data?.data ?? []} nets={live.totals?.lines.map((l) => l.net) ?? null} currency={currency} errors={errors} />
          <Stack mt="md" gap={4}>
            <ProductEntry
              onProduct={onProduct}
              onFreeLine={() => addLocal('item')}
              onComment={() => addLocal('comment')}
              onPageBreak={() => addLocal('page_break')}
              busy={addLine.isPending || save.isPending}
            />
            <Text size="xs" c="dimmed">
              {t('sales.entry.keyboardHint')}
            </Text>
          </Stack>
        </Paper>
        <DepositDeductions lines={state.deductions} currency={currency} />

        {withPrices ? (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="lg">
                <DiscountShippingFields state={state} set={set} errors={errors} />
                <PaymentTermsEditor terms={state.paymentTerms} onChange={(terms) => set('paymentTerms', terms)} schedule={live.schedule} problems={live.termsProblems} currency={currency} errors={errors}>
                  <EarlyPaymentDiscountFields value={state.earlyPaymentDiscount} onChange={(value) => set('earlyPaymentDiscount', value)} errors={errors} />
                </PaymentTermsEditor>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <div style={{ position: 'sticky', top: 76 }}>
                <TotalsPanel totals={live.totals} currency={currency} problem={live.problem} live />
              </div>
            </Grid.Col>
          </Grid>
        ) : null}

        <Paper withBorder p="sm" className="editor-save-bar" role="region" aria-label={t('sales.editor.saveBar')}>
          <Group justify="space-between">
            <Text size="sm" c={dirty || creating ? 'orange.8' : 'dimmed'} aria-live="polite">
              {creating ? t('sales.editor.notCreated') : dirty ? t('sales.editor.unsaved') : t('sales.editor.saved')}
            </Text>
            <Group gap="sm">
              {actions?.({ dirty, save: () => persist() })}
              <Button type="submit" loading={save.isPending} disabled={!creating && !dirty}>
                {creating ? t('sales.editor.create') : t('common.save')}
              </Button>
            </Group>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}
