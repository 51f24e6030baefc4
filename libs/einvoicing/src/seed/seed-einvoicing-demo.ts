import { INestApplicationContext } from '@nestjs/common';
import { TenantContext } from '@comptoir/platform/kernel';
import { TenantDb } from '@comptoir/platform/database';
import { AccountService } from '@comptoir/crm';
import { DocumentValidationService, SalesDocumentService } from '@comptoir/billing';
import { FAKE_PLATFORM } from '../platform/fake/fake-platform';
import { EInvoicingSettingsService } from '../settings/einvoicing-settings.service';

/** How many of the demo's business customers get an explicit electronic address. */
const ROUTED_CUSTOMERS = 5;

export interface EInvoicingDemoResult {
  routedCustomerIds: string[];
  /** The demo's first e-invoice in the reform's scope. */
  invoiceId: string | null;
}

/**
 * Demo e-invoicing, after the billing and banking seeds (enabling it earlier would hold their
 * invoices to the e-invoicing rules): the company enabled with its SIREN as electronic address and the
 * local test platform, its first business customers with a SIREN routed in the directory, and one
 * services invoice to the first of them validated in scope. Through the same use cases as the API; does nothing once the company has
 * e-invoicing settings.
 */
export async function seedEInvoicingDemo(app: INestApplicationContext, ctx: TenantContext): Promise<EInvoicingDemoResult | null> {
  const { configured, siren, hasBankAccount, customers } = await app.get(TenantDb).transaction(ctx, async (tx) => {
    const one = async <T>(sql: string): Promise<T | undefined> => ((await tx.manager.query(sql, [ctx.companyId])) as T[])[0];
    return {
      configured: (await one(`SELECT 1 FROM einvoicing_settings WHERE company_id = $1`)) !== undefined,
      siren: (await one<{ siren: string }>(`SELECT siren FROM companies WHERE id = $1`))!.siren,
      hasBankAccount: (await one(`SELECT 1 FROM bank_accounts WHERE company_id = $1 AND account_id IS NULL AND archived_at IS NULL`)) !== undefined,
      customers: (await tx.manager.query(
        `SELECT id, siren FROM accounts
          WHERE company_id = $1 AND deleted_at IS NULL AND kind = 'company' AND siren IS NOT NULL AND billing_address IS NOT NULL AND 'customer' = ANY(roles)
          ORDER BY name, id LIMIT ${ROUTED_CUSTOMERS}`,
        [ctx.companyId],
      )) as { id: string; siren: string }[],
    };
  });
  if (configured) return null;

  await app.get(EInvoicingSettingsService).put(ctx, { enabled: true, electronicAddress: siren, electronicAddressScheme: '0225', platform: FAKE_PLATFORM });
  const accounts = app.get(AccountService);
  for (const customer of customers) await accounts.update(ctx, customer.id, { electronicAddress: customer.siren, electronicAddressScheme: '0225' });
  const first = customers[0];
  if (!first) return { routedCustomerIds: [], invoiceId: null };

  const documents = app.get(SalesDocumentService);
  const invoice = await documents.create(ctx, 'invoice', {
    accountId: first.id,
    title: 'Maintenance annuelle — facture électronique',
    paymentMethod: hasBankAccount ? 'transfer' : 'cheque',
    lines: [
      { description: 'Contrat de maintenance (12 mois)', quantity: '1', unit: 'piece', unitPrice: '1200.0000', vatRate: '20.00' },
      { description: 'Intervention sur site', quantity: '3', unit: 'hour', unitPrice: '65.0000', vatRate: '20.00' },
    ],
  });
  await app.get(DocumentValidationService).validate(ctx, 'invoice', invoice.doc.id);
  return { routedCustomerIds: customers.map((c) => c.id), invoiceId: invoice.doc.id };
}
