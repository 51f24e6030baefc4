import { INestApplicationContext } from '@nestjs/common';
import { TenantContext } from '@comptoir/platform/kernel';
import { TenantDb } from '@comptoir/platform/database';
import { CompanyService, companyCalendar } from '@comptoir/org';
import { BankAccountService } from '../bank-accounts/bank-account.service';
import { addDays, addMonths } from '../mandates/mandate-lifecycle';
import { MandateService } from '../mandates/mandate.service';
import { SepaBatchService } from '../sepa/sepa-batch.service';

/** Valid IBANs of the shared test vectors (standards/identifiers/iban.json), one per demo debtor. */
const DEBTOR_ACCOUNTS = [
  { iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPPPAR' },
  { iban: 'BE68539007547034', bic: null },
  { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
  { iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' },
];

export interface BankingDemoResult {
  mandates: number;
  batches: number;
}

/**
 * Demo banking, after the billing seed: the company's ICS and bank account, four customers with open
 * invoices get a bank account and a recurrent mandate, and one SEPA batch already collects the first
 * one's invoices; the others stay collectable from the wizard. Does nothing when mandates exist.
 */
export async function seedBankingDemo(app: INestApplicationContext, ctx: TenantContext, actorId: string | null): Promise<BankingDemoResult | null> {
  const db = app.get(TenantDb);
  const { today, debtors, hasMandates, companyAccount } = await db.transaction(ctx, async (tx) => ({
    today: (await companyCalendar(tx)).today,
    hasMandates: ((await tx.manager.query(`SELECT count(*)::int AS n FROM mandates WHERE company_id = $1`, [ctx.companyId])) as { n: number }[])[0]!.n > 0,
    companyAccount: ((await tx.manager.query(`SELECT id FROM bank_accounts WHERE company_id = $1 AND account_id IS NULL AND archived_at IS NULL LIMIT 1`, [ctx.companyId])) as { id: string }[])[0] ?? null,
    debtors: (await tx.manager.query(
      `SELECT d.account_id AS "accountId", a.name, array_agg(d.id ORDER BY d.date) AS "invoiceIds"
         FROM sales_documents d JOIN accounts a ON a.company_id = d.company_id AND a.id = d.account_id
        WHERE d.company_id = $1 AND d.type = 'invoice' AND d.kind = 'invoice' AND d.balance_due > 0 AND d.collection_status IS NULL AND NOT d.test_mode AND d.currency = 'EUR'
        GROUP BY d.account_id, a.name ORDER BY a.name LIMIT $2`,
      [ctx.companyId, DEBTOR_ACCOUNTS.length],
    )) as { accountId: string; name: string; invoiceIds: string[] }[],
  }));
  if (hasMandates || !debtors.length) return null;

  await app.get(CompanyService).update(ctx, ctx.companyId, { sepaCreditorId: 'FR72ZZZ123456' });
  const bankAccounts = app.get(BankAccountService);
  if (!companyAccount) await bankAccounts.create(ctx, { iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', holder: 'Atelier Démo SAS', label: 'Compte courant', isDefault: true });
  const mandates = app.get(MandateService);
  for (const [i, debtor] of debtors.entries()) {
    const details = DEBTOR_ACCOUNTS[i]!;
    const bank = await bankAccounts.create(ctx, { accountId: debtor.accountId, iban: details.iban, ...(details.bic ? { bic: details.bic } : {}), holder: debtor.name });
    await mandates.create(ctx, {
      accountId: debtor.accountId,
      bankAccountId: bank.id,
      reference: `RUM-DEMO-${String(i + 1).padStart(4, '0')}`,
      signedOn: addMonths(today, -(3 + i)),
      signaturePlace: 'Paris',
      type: 'recurrent',
      scheme: i === 3 ? 'B2B' : 'CORE',
    });
  }
  await app.get(SepaBatchService).create(ctx, { invoiceIds: debtors[0]!.invoiceIds, collectionDate: addDays(today, 15), format: 'pain.008.001.08' }, actorId);
  return { mandates: debtors.length, batches: 1 };
}
