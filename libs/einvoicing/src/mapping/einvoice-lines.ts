import { findUnit } from '@comptoir/catalog';
import type { EInvoiceLine } from '@comptoir/documents';
import { Dec } from '@comptoir/platform/kernel';
import type { SealedLine } from './sealed-snapshot';

/** UN/ECE rec. 20 "one": a line without a unit counts pieces of nothing in particular. */
const UNIT_ONE = 'C62';

/**
 * BG-25 from the sold item lines (comments and page breaks are not invoice lines). `deposits` are the
 * deposit invoices the document deducts (BG-3), so each deduction line can name its deposit invoice.
 */
export function invoiceLines(lines: SealedLine[], deposits: { id: string; number: string; issueDate: string }[]): EInvoiceLine[] {
  return lines
    .filter((line) => line.kind === 'item')
    .map((line, index) => {
      const [name, ...more] = line.description.split('\n').map((text) => text.trim());
      const deposit = line.depositInvoiceId ? deposits.find((d) => d.id === line.depositInvoiceId) : undefined;
      return {
        id: String(index + 1),
        note: null,
        referencedDocument: deposit ? { number: deposit.number, issueDate: deposit.issueDate, typeCode: '386' } : null,
        unitCode: (line.unit && findUnit(line.unit)?.uneceCode) || UNIT_ONE,
        netAmount: line.net,
        ...quantityAndPrice(line),
        allowances: [],
        vatCategory: line.vatCategory,
        vatRate: line.vatRate,
        name: name || line.reference || '—',
        description: more.filter(Boolean).join('\n') || null,
        sellerItemId: line.reference,
        period: null,
      };
    });
}

/**
 * BT-129 and the prices (the engine refuses negative unit prices, so net prices are never negative,
 * BR-27). A line discount is the gross price (BT-148) less a discount per unit (BT-147): net price =
 * unit price × (1 − discount / 100), kept to at most 6 decimals (BR-FR-DEC-03).
 */
function quantityAndPrice(line: SealedLine): Pick<EInvoiceLine, 'quantity' | 'netPrice' | 'grossPrice' | 'priceDiscount'> {
  const gross = new Dec(line.unitPrice);
  const quantity = new Dec(line.quantity).toFixed(4);
  const discount = new Dec(line.discountPercent ?? 0);
  if (discount.isZero()) return { quantity, netPrice: price(gross), grossPrice: null, priceDiscount: null };
  const net = gross.times(new Dec(100).minus(discount)).dividedBy(100).toDecimalPlaces(6);
  return { quantity, netPrice: price(net), grossPrice: price(gross), priceDiscount: price(gross.minus(net)) };
}

/** A unit price with 4 decimals, or the 5 or 6 it needs. */
function price(value: Dec): string {
  return value.decimalPlaces() > 4 ? value.toFixed(value.decimalPlaces()) : value.toFixed(4);
}
