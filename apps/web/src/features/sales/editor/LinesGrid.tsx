import { ActionIcon, Group, NativeSelect, Table, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableHead } from '../../../components/TableHead';
import { IconArrowDown, IconArrowUp, IconTrash } from '../../../components/icons';
import { formatMoney, formatPercent } from '../../../lib/format';
import { UNITS, type VatRate } from '../../catalog/catalog-types';
import { blankLine, type EditorLine } from './editor-state';
import { AvailabilityPicker, LineNotes } from './LineDetails';

type Column = 'description' | 'quantity' | 'unit' | 'unitPrice' | 'discountPercent' | 'vat';
const TEXT_COLUMNS: Column[] = ['description', 'quantity', 'unitPrice', 'discountPercent'];

/** A server error on a line field, whichever path notation the API uses (`lines[2].quantity` or `lines.2.quantity`). */
function lineError(errors: Record<string, string>, index: number, field: string): string | undefined {
  return errors[`lines[${index}].${field}`] ?? errors[`lines.${index}.${field}`];
}

export function vatOptionValue(rate: string, category: string): string {
  return `${rate}|${category}`;
}

/**
 * The lines of a draft, as a keyboard-first grid: Enter goes to the next line (and adds one after the
 * last), arrows up and down move between lines in the same column, Alt+arrows move the line itself,
 * Ctrl+Delete removes it. Comment lines take free text, page breaks only a place; an item line's calendar
 * button sets its availability date.
 */
export function LinesGrid({
  lines,
  onChange,
  withPrices,
  vatRates,
  nets,
  currency,
  errors,
}: {
  lines: EditorLine[];
  onChange: (lines: EditorLine[]) => void;
  withPrices: boolean;
  vatRates: VatRate[];
  nets: string[] | null;
  currency: string;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const cells = useRef(new Map<string, HTMLElement>());
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    if (!pendingFocus.current) return;
    const el = cells.current.get(pendingFocus.current);
    pendingFocus.current = null;
    el?.focus();
  });

  const cellRef = (key: string, col: Column) => (el: HTMLElement | null) => {
    const id = `${key}:${col}`;
    if (el) cells.current.set(id, el);
    else cells.current.delete(id);
  };
  const focusCell = (index: number, col: Column) => {
    const line = lines[index];
    if (!line) return;
    const el = cells.current.get(`${line.key}:${col}`) ?? cells.current.get(`${line.key}:description`);
    el?.focus();
  };

  const update = (index: number, patch: Partial<EditorLine>) => onChange(lines.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= lines.length) return;
    const next = [...lines];
    const [line] = next.splice(index, 1);
    if (!line) return;
    next.splice(target, 0, line);
    pendingFocus.current = null;
    onChange(next);
  };
  const remove = (index: number) => {
    onChange(lines.filter((_, i) => i !== index));
    const neighbour = lines[index + 1] ?? lines[index - 1];
    if (neighbour) pendingFocus.current = `${neighbour.key}:description`;
  };
  const insertAfter = (index: number) => {
    const line = blankLine('item', lines[index]?.vatRate);
    const next = [...lines];
    next.splice(index + 1, 0, line);
    pendingFocus.current = `${line.key}:description`;
    onChange(next);
  };

  const onKeyDown = (index: number, col: Column) => (e: KeyboardEvent<HTMLElement>) => {
    const multiline = e.currentTarget instanceof HTMLTextAreaElement;
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      const line = lines[index];
      move(index, e.key === 'ArrowUp' ? -1 : 1);
      if (line) pendingFocus.current = `${line.key}:${col}`;
      return;
    }
    if (e.ctrlKey && e.key === 'Delete') {
      e.preventDefault();
      remove(index);
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey && !(multiline && !e.ctrlKey && col === 'description' && lines[index]?.kind === 'comment')) {
      e.preventDefault();
      if (index === lines.length - 1) insertAfter(index);
      else focusCell(index + 1, col);
      return;
    }
    if (!multiline && TEXT_COLUMNS.includes(col) && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      focusCell(index + (e.key === 'ArrowDown' ? 1 : -1), col);
    }
  };

  const vatOptions = vatRates
    .filter((r) => r.active)
    .map((r) => ({ value: vatOptionValue(r.rate, r.category), label: r.category === 'S' ? formatPercent(r.rate) : `${formatPercent(r.rate)} ${r.category}` }));
  const withCurrent = (l: EditorLine) => {
    const current = vatOptionValue(l.vatRate, l.vatCategory);
    return vatOptions.some((o) => o.value === current) ? vatOptions : [{ value: current, label: formatPercent(l.vatRate) }, ...vatOptions];
  };
  const setVat = (index: number, value: string) => {
    const [rate = '20.00', category = 'S'] = value.split('|');
    const known = vatRates.find((r) => r.rate === rate && r.category === category);
    update(index, { vatRate: rate, vatCategory: category as EditorLine['vatCategory'], vatExemptionReason: known?.exemptionReason ?? null });
  };

  const columnCount = withPrices ? 9 : 5;
  const n = (index: number) => ({ n: index + 1 });

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label={t('sales.lines.tableLabel')} verticalSpacing={4} withRowBorders className="lines-grid">
        <TableHead
          columns={[
            { label: '#', width: 36 },
            { label: t('sales.lines.description') },
            { label: t('sales.lines.quantity'), width: 90 },
            { label: t('sales.lines.unit'), width: 110 },
            ...(withPrices
              ? [
                  { label: t('sales.lines.unitPrice'), width: 120 },
                  { label: t('sales.lines.discount'), width: 80 },
                  { label: t('sales.lines.vat'), width: 110 },
                  { label: t('sales.lines.net'), width: 110, align: 'right' as const },
                ]
              : []),
            { label: <span className="sr-only">{t('common.actions')}</span>, width: 124 },
          ]}
        />
        <Table.Tbody>
          {lines.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={columnCount}>
                <Text size="sm" c="dimmed" py="sm">
                  {t('sales.lines.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {lines.map((line, index) => {
            const actions = (lead?: ReactNode) => (
              <Group gap={0} wrap="nowrap" justify="flex-end">
                {lead}
                <Tooltip label={t('sales.lines.moveUp')}>
                  <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('sales.lines.moveUpNamed', n(index))} disabled={index === 0} onClick={() => move(index, -1)}>
                    <IconArrowUp size={14} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('sales.lines.moveDown')}>
                  <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('sales.lines.moveDownNamed', n(index))} disabled={index === lines.length - 1} onClick={() => move(index, 1)}>
                    <IconArrowDown size={14} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('sales.lines.remove')}>
                  <ActionIcon variant="subtle" color="red" size="sm" aria-label={t('sales.lines.removeNamed', n(index))} onClick={() => remove(index)}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            );
            if (line.kind === 'page_break') {
              return (
                <Table.Tr key={line.key} className="line-page-break">
                  <Table.Td c="dimmed">{index + 1}</Table.Td>
                  <Table.Td colSpan={columnCount - 2}>
                    <Text size="xs" c="dimmed" ta="center" tt="uppercase" fw={600} tabIndex={0} ref={cellRef(line.key, 'description')} onKeyDown={onKeyDown(index, 'description')} aria-label={t('sales.lines.pageBreakNamed', n(index))}>
                      {t('sales.lines.pageBreak')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{actions()}</Table.Td>
                </Table.Tr>
              );
            }
            if (line.kind === 'comment') {
              return (
                <Table.Tr key={line.key} className="line-comment">
                  <Table.Td c="dimmed">{index + 1}</Table.Td>
                  <Table.Td colSpan={columnCount - 2}>
                    <Textarea
                      ref={cellRef(line.key, 'description')}
                      aria-label={t('sales.lines.commentNamed', n(index))}
                      placeholder={t('sales.lines.commentPlaceholder')}
                      value={line.description}
                      onChange={(e) => update(index, { description: e.currentTarget.value })}
                      onKeyDown={onKeyDown(index, 'description')}
                      autosize
                      minRows={1}
                      variant="filled"
                      error={lineError(errors, index, 'description')}
                    />
                  </Table.Td>
                  <Table.Td>{actions()}</Table.Td>
                </Table.Tr>
              );
            }
            const net = nets?.[index];
            return (
              <Table.Tr key={line.key}>
                <Table.Td c="dimmed" fz="sm">
                  {index + 1}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {line.reference ? (
                      <Text ff="monospace" fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {line.reference}
                      </Text>
                    ) : null}
                    <TextInput
                      ref={cellRef(line.key, 'description')}
                      aria-label={t('sales.lines.descriptionNamed', n(index))}
                      value={line.description}
                      onChange={(e) => update(index, { description: e.currentTarget.value })}
                      onKeyDown={onKeyDown(index, 'description')}
                      error={lineError(errors, index, 'description')}
                      style={{ flex: 1 }}
                    />
                  </Group>
                  <LineNotes availabilityDate={line.availabilityDate} otherTaxes={line.otherTaxes} currency={currency} />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    ref={cellRef(line.key, 'quantity')}
                    aria-label={t('sales.lines.quantityNamed', n(index))}
                    inputMode="decimal"
                    value={line.quantity}
                    onChange={(e) => update(index, { quantity: e.currentTarget.value })}
                    onKeyDown={onKeyDown(index, 'quantity')}
                    error={lineError(errors, index, 'quantity')}
                    styles={{ input: { textAlign: 'right' } }}
                  />
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    ref={cellRef(line.key, 'unit')}
                    aria-label={t('sales.lines.unitNamed', n(index))}
                    value={line.unit}
                    onChange={(e) => update(index, { unit: e.currentTarget.value })}
                    onKeyDown={onKeyDown(index, 'unit')}
                    data={[{ value: '', label: '—' }, ...UNITS.map((u) => ({ value: u, label: t(`catalog.units.${u}`) }))]}
                    error={lineError(errors, index, 'unit')}
                  />
                </Table.Td>
                {withPrices ? (
                  <>
                    <Table.Td>
                      {line.unpriced ? (
                        <Text size="xs" c="dimmed">
                          {t('sales.lines.pricing')}
                        </Text>
                      ) : (
                        <TextInput
                          ref={cellRef(line.key, 'unitPrice')}
                          aria-label={t('sales.lines.unitPriceNamed', n(index))}
                          inputMode="decimal"
                          value={line.unitPrice}
                          onChange={(e) => update(index, { unitPrice: e.currentTarget.value })}
                          onKeyDown={onKeyDown(index, 'unitPrice')}
                          error={lineError(errors, index, 'unitPrice')}
                          styles={{ input: { textAlign: 'right' } }}
                        />
                      )}
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        ref={cellRef(line.key, 'discountPercent')}
                        aria-label={t('sales.lines.discountNamed', n(index))}
                        inputMode="decimal"
                        value={line.discountPercent}
                        onChange={(e) => update(index, { discountPercent: e.currentTarget.value })}
                        onKeyDown={onKeyDown(index, 'discountPercent')}
                        error={lineError(errors, index, 'discountPercent')}
                        styles={{ input: { textAlign: 'right' } }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        ref={cellRef(line.key, 'vat')}
                        aria-label={t('sales.lines.vatNamed', n(index))}
                        value={vatOptionValue(line.vatRate, line.vatCategory)}
                        onChange={(e) => setVat(index, e.currentTarget.value)}
                        onKeyDown={onKeyDown(index, 'vat')}
                        data={withCurrent(line)}
                        error={lineError(errors, index, 'vatRate')}
                      />
                    </Table.Td>
                    <Table.Td ta="right" fz="sm" fw={500} style={{ whiteSpace: 'nowrap' }} aria-label={t('sales.lines.netNamed', n(index))}>
                      {net && !line.unpriced ? formatMoney(net, currency) : '—'}
                    </Table.Td>
                  </>
                ) : null}
                <Table.Td>{actions(<AvailabilityPicker value={line.availabilityDate} onChange={(availabilityDate) => update(index, { availabilityDate })} n={index + 1} />)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
