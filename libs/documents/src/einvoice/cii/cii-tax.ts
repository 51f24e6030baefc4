import type { VatCategoryCode } from '@comptoir/billing-engine';
import type { XmlNode } from './cii-xml';

/**
 * ram:ApplicableTradeTax / ram:CategoryTradeTax of a line or an allowance/charge. "Not subject to VAT" (O)
 * carries no rate (BR-O-05, BR-O-06, BR-O-07).
 */
export function categoryTax(category: VatCategoryCode, rate: string): XmlNode {
  return {
    'ram:TypeCode': 'VAT',
    'ram:CategoryCode': category,
    'ram:RateApplicablePercent': category === 'O' ? null : rate,
  };
}
