import type { TenantTx } from '@comptoir/platform/database';
import type { SalesDocumentEntity } from '@comptoir/billing';
import { defaultEInvoicingSettings } from '../settings/einvoicing-settings.service';

/** What the e-invoice section needs beyond the billing snapshot, read for a set of drafts in ONE query. */
export interface EInvoiceFacts {
  settings: { enabled: boolean; electronicAddress: string | null; electronicAddressScheme: string; profile: 'EN16931' | 'EXTENDED-CTC-FR' };
  company: { siren: string; vatNumber: string | null; vatRegime: string; country: string | null; sepaCreditorId: string | null };
  /** The company's default bank account (the one SEPA collects to): where transfers are paid. */
  bankAccount: { iban: string; bic: string | null; holder: string } | null;
  accounts: Map<string, BuyerFacts>;
  /** The newest active SEPA mandate per buyer account. */
  mandates: Map<string, { reference: string; iban: string }>;
  /** Deposit invoices the drafts deduct (lines with depositInvoiceId). */
  depositInvoices: Map<string, { id: string; number: string | null; date: string }>;
  /**
   * What the order or quote a deposit draft is drawn on supplies, by deposit id: a deposit invoice's
   * lines (one per VAT rate) no longer say whether they pay for goods or services.
   */
  depositSources: Map<string, 'goods' | 'services' | 'mixed'>;
}

export interface BuyerFacts {
  id: string;
  kind: string;
  siren: string | null;
  vatNumber: string | null;
  electronicAddress: string | null;
  electronicAddressScheme: string | null;
  country: string | null;
}

const { enabled, electronicAddress, electronicAddressScheme, profile } = defaultEInvoicingSettings();
/** The settings a company that never saved them has. */
export const DEFAULT_EINVOICING_SETTINGS: EInvoiceFacts['settings'] = { enabled, electronicAddress, electronicAddressScheme, profile };

interface FactsRow {
  settings: EInvoiceFacts['settings'] | null;
  company: EInvoiceFacts['company'];
  bank_account: EInvoiceFacts['bankAccount'];
  accounts: BuyerFacts[] | null;
  mandates: { accountId: string; reference: string; iban: string }[] | null;
  deposits: { id: string; number: string | null; date: string }[] | null;
  deposit_sources: { id: string; types: string[] | null }[] | null;
}

export async function loadEInvoiceFacts(tx: TenantTx, docs: SalesDocumentEntity[]): Promise<EInvoiceFacts> {
  const accountIds = [...new Set(docs.map((d) => d.accountId))];
  const [row] = (await tx.manager.query(
    `SELECT
       (SELECT json_build_object('enabled', enabled, 'electronicAddress', electronic_address, 'electronicAddressScheme', electronic_address_scheme, 'profile', profile)
          FROM einvoicing_settings WHERE company_id = $1) AS settings,
       (SELECT json_build_object('siren', siren, 'vatNumber', vat_number, 'vatRegime', vat_regime, 'country', address->>'country', 'sepaCreditorId', sepa_creditor_id)
          FROM companies WHERE id = $1 AND organization_id = $2) AS company,
       (SELECT json_build_object('iban', iban, 'bic', bic, 'holder', holder)
          FROM bank_accounts WHERE company_id = $1 AND account_id IS NULL AND archived_at IS NULL ORDER BY is_default DESC, created_at LIMIT 1) AS bank_account,
       (SELECT json_agg(json_build_object('id', id, 'kind', kind, 'siren', siren, 'vatNumber', vat_number, 'electronicAddress', electronic_address,
                                          'electronicAddressScheme', electronic_address_scheme, 'country', billing_address->>'country'))
          FROM accounts WHERE company_id = $1 AND id = ANY($3::uuid[])) AS accounts,
       (SELECT json_agg(json_build_object('accountId', m.account_id, 'reference', m.reference, 'iban', b.iban) ORDER BY m.account_id, m.created_at DESC)
          FROM mandates m JOIN bank_accounts b ON b.company_id = m.company_id AND b.id = m.bank_account_id
         WHERE m.company_id = $1 AND m.account_id = ANY($3::uuid[]) AND m.status = 'active') AS mandates,
       (SELECT json_agg(json_build_object('id', d.id, 'number', d.number, 'date', d.date::text))
          FROM sales_documents d
         WHERE d.company_id = $1 AND d.id IN (SELECT l.deposit_invoice_id FROM sales_document_lines l
                                               WHERE l.company_id = $1 AND l.document_id = ANY($4::uuid[]) AND l.deposit_invoice_id IS NOT NULL)) AS deposits,
       (SELECT json_agg(json_build_object('id', k.child_id, 'types',
                 (SELECT array_agg(DISTINCT coalesce(s.product_type, 'service')) FROM sales_document_lines s
                   WHERE s.company_id = $1 AND s.document_id = k.parent_id AND s.kind = 'item' AND s.deposit_invoice_id IS NULL)))
          FROM sales_document_links k WHERE k.company_id = $1 AND k.relation = 'deposit' AND k.child_id = ANY($4::uuid[])) AS deposit_sources`,
    [tx.ctx.companyId, tx.ctx.organizationId, accountIds, docs.map((d) => d.id)],
  )) as FactsRow[];
  const mandates = new Map<string, { reference: string; iban: string }>();
  // Ordered newest first per account: the first one seen is the mandate in force.
  for (const m of row!.mandates ?? []) if (!mandates.has(m.accountId)) mandates.set(m.accountId, { reference: m.reference, iban: m.iban });
  return {
    settings: row!.settings ?? DEFAULT_EINVOICING_SETTINGS,
    company: row!.company,
    bankAccount: row!.bank_account,
    accounts: new Map((row!.accounts ?? []).map((a) => [a.id, a])),
    mandates,
    depositInvoices: new Map((row!.deposits ?? []).map((d) => [d.id, d])),
    depositSources: new Map((row!.deposit_sources ?? []).filter((d) => d.types?.length).map((d) => [d.id, categoryOf(d.types!)])),
  };
}

/** Goods, services or both, from the product types of the lines (a line without product is a service, as billing counts it). */
function categoryOf(types: string[]): 'goods' | 'services' | 'mixed' {
  if (types.length > 1) return 'mixed';
  return types[0] === 'goods' ? 'goods' : 'services';
}
