import { Injectable } from '@nestjs/common';
import { CatalogPricing, PricedLine } from '@comptoir/catalog';
import { DomainError, FieldError, newId, toDecimalString, ValidationFailedError } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import { DocumentLineInputDto } from './dto/document-parts.dto';
import { SalesDocumentLineEntity } from './sales-document-line.entity';

/** Who the lines are priced for (customer prices and price lists) and when. */
export interface PricingContext {
  accountId: string;
  date: string;
}

/** A line's values before it belongs to a document (ids and positions are given when it is attached). */
export type LineValues = Omit<SalesDocumentLineEntity, 'id' | 'organizationId' | 'companyId' | 'documentId' | 'position'>;

const dec4 = (v: string) => toDecimalString(v, 4);
const dec2 = (v: string) => toDecimalString(v, 2);

/** Lines as stored, in the scales the API answers with. */
export function normaliseLine(values: LineValues): LineValues {
  return {
    ...values,
    quantity: dec4(values.quantity),
    unitPrice: dec4(values.unitPrice),
    discountPercent: values.discountPercent === null ? null : dec4(values.discountPercent),
    vatRate: dec2(values.vatRate),
    net: values.net ?? '0.00',
  };
}

/** Attaches line values to a document: new ids, positions in order. */
export function attachLines(documentId: string, values: LineValues[]): SalesDocumentLineEntity[] {
  return values.map((v, position) => Object.assign(new SalesDocumentLineEntity(), normaliseLine(v), { id: newId(), documentId, position }));
}

/** A line copied from another document (conversion, duplicate, credit note): same values, pointing at its source. */
export function copyLine(source: SalesDocumentLineEntity, overrides: Partial<LineValues> = {}): LineValues {
  const { id, organizationId: _o, companyId: _c, documentId: _d, position: _p, ...values } = source;
  return { ...values, sourceLineId: id, ...overrides };
}

function fromPriced(priced: PricedLine, quantity: string): LineValues {
  return {
    kind: 'item',
    productId: priced.productId,
    productType: priced.kind,
    reference: priced.reference,
    description: priced.description,
    quantity,
    unit: priced.unit,
    unitPrice: priced.unitPrice,
    discountPercent: priced.discountPercent,
    vatRate: priced.vatRate,
    vatCategory: priced.vatCategory,
    vatExemptionReason: priced.vatExemptionReason,
    otherTaxes: priced.otherTaxes,
    availabilityDate: null,
    net: '0.00',
    sourceLineId: null,
    depositInvoiceId: null,
  };
}

/** Turns line inputs into line values, pricing product lines from the catalog where the client gave no price. */
@Injectable()
export class DocumentLineFactory {
  constructor(private readonly pricing: CatalogPricing) {}

  /** One product line priced by the catalog (fast line entry, synchronise). */
  async priced(tx: TenantTx, req: { productId: string; quantity: string; unit?: string | null }, ctx: PricingContext, path: string): Promise<LineValues> {
    try {
      const priced = await this.pricing.priceLine(tx, { productId: req.productId, accountId: ctx.accountId, quantity: req.quantity, unit: req.unit ?? null, date: ctx.date });
      return fromPriced(priced, req.quantity);
    } catch (error) {
      // A product of another company or deleted reads as a bad reference in the body, not as a missing URL.
      if (error instanceof DomainError && error.status === 404) throw new ValidationFailedError([{ path: `${path}.productId`, message: 'productId is not a product of this company' }]);
      if (error instanceof DomainError && error.errors.length === 0) throw new DomainError(error.code, error.status, error.message, [{ path, message: error.message }]);
      throw error;
    }
  }

  async fromInputs(tx: TenantTx, inputs: DocumentLineInputDto[], ctx: PricingContext, prefix = 'lines'): Promise<LineValues[]> {
    const errors: FieldError[] = [];
    const out: LineValues[] = [];
    for (const [i, input] of inputs.entries()) {
      const path = `${prefix}[${i}]`;
      const kind = input.kind ?? 'item';
      if (kind !== 'item') {
        if (kind === 'comment' && !input.description) errors.push({ path: `${path}.description`, message: 'a comment line needs a description' });
        out.push(textLine(kind, input.description ?? ''));
        continue;
      }
      const quantity = input.quantity ?? '1';
      const base: LineValues | null = input.productId ? await this.priced(tx, { productId: input.productId, quantity, unit: input.unit }, ctx, path) : null;
      if (!base) {
        for (const field of ['description', 'unitPrice', 'vatRate'] as const) {
          if (input[field] === undefined) errors.push({ path: `${path}.${field}`, message: `${field} is required on a line without productId` });
        }
      }
      out.push({
        kind: 'item',
        productId: input.productId ?? null,
        productType: base?.productType ?? null,
        reference: input.reference ?? base?.reference ?? null,
        description: input.description ?? base?.description ?? '',
        quantity,
        unit: input.unit ?? base?.unit ?? null,
        unitPrice: input.unitPrice ?? base?.unitPrice ?? '0',
        discountPercent: input.discountPercent ?? base?.discountPercent ?? null,
        vatRate: input.vatRate ?? base?.vatRate ?? '0',
        vatCategory: input.vatCategory ?? base?.vatCategory ?? 'S',
        vatExemptionReason: input.vatExemptionReason ?? base?.vatExemptionReason ?? null,
        otherTaxes: input.otherTaxes ?? base?.otherTaxes ?? [],
        availabilityDate: input.availabilityDate ?? null,
        net: '0.00',
        sourceLineId: null,
        depositInvoiceId: null,
      });
    }
    if (errors.length) throw new ValidationFailedError(errors);
    return out;
  }
}

function textLine(kind: 'comment' | 'page_break', description: string): LineValues {
  return {
    kind,
    productId: null,
    productType: null,
    reference: null,
    description,
    quantity: '0',
    unit: null,
    unitPrice: '0',
    discountPercent: null,
    vatRate: '0',
    vatCategory: 'S',
    vatExemptionReason: null,
    otherTaxes: [],
    availabilityDate: null,
    net: '0.00',
    sourceLineId: null,
    depositInvoiceId: null,
  };
}
