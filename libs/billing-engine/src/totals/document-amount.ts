import type { Dec } from '../decimal';
import type { VatKey } from './vat-group';

/** A document-level allowance (BG-20) or charge (BG-21) before formatting. */
export interface DocumentAmount {
  reason: string;
  /** UNCL5189 (allowances) or UNCL7161 (charges) code. */
  reasonCode?: string;
  amount: Dec;
  vat: VatKey;
  /** Set only when amount = round2(baseAmount × percent / 100) holds exactly. */
  baseAmount?: Dec;
  percent?: Dec;
}
