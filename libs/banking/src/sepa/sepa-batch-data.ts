import type { TenantTx } from '@comptoir/platform/database';
import type { SepaPostalAddress } from './sepa-xml-writer';
import type { CollectableInvoice } from './collection-checks';
import type { MandateEntity } from '../mandates/mandate.entity';

/** The creditor side of a batch: the company's identity, ICS and default account. */
export interface CreditorData {
  name: string;
  creditorId: string | null;
  address: SepaPostalAddress | null;
  bankAccount: { id: string; iban: string; bic: string | null } | null;
}

/** A customer's mandate as a batch reads it, with the debtor account and contact. */
export interface DebtorMandate extends Pick<MandateEntity, 'id' | 'accountId' | 'reference' | 'signedOn' | 'type' | 'scheme' | 'status' | 'preNotificationDays' | 'collectionCount' | 'lastCollectionOn' | 'finalCollection' | 'pendingAmendment'> {
  iban: string;
  bic: string | null;
  holder: string;
  customerName: string;
  email: string | null;
}

export async function loadCreditor(tx: TenantTx): Promise<CreditorData> {
  const [company] = (await tx.manager.query(`SELECT legal_name AS name, sepa_creditor_id AS "creditorId", address FROM companies WHERE id = $1`, [tx.ctx.companyId])) as {
    name: string;
    creditorId: string | null;
    address: { line1: string; postalCode: string; city: string; country: string } | null;
  }[];
  const [bankAccount] = (await tx.manager.query(
    `SELECT id, iban, bic FROM bank_accounts WHERE company_id = $1 AND account_id IS NULL AND archived_at IS NULL ORDER BY is_default DESC, created_at LIMIT 1`,
    [tx.ctx.companyId],
  )) as CreditorData['bankAccount'][];
  const address = company?.address;
  return {
    name: company?.name ?? '',
    creditorId: company?.creditorId ?? null,
    address: address ? { line1: address.line1, postalCode: address.postalCode, city: address.city, country: address.country } : null,
    bankAccount: bankAccount ?? null,
  };
}

/** The invoices, locked so that two batches cannot take the same invoice at once. */
export async function lockInvoices(tx: TenantTx, ids: string[]): Promise<Map<string, CollectableInvoice>> {
  const rows = (await tx.manager.query(
    `SELECT id, number, type, kind, status, test_mode AS "testMode", currency, account_id AS "accountId", date::text AS date, due_date::text AS "dueDate",
            due::text AS due, balance_due::text AS "balanceDue", collection_status AS "collectionStatus", recovery_status AS "recoveryStatus", schedule
       FROM sales_documents WHERE company_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
    [tx.ctx.companyId, ids],
  )) as (Omit<CollectableInvoice, 'schedule'> & { schedule: { dueDate: string; amount: string }[] | null })[];
  return new Map(rows.map((r) => [r.id, { ...r, schedule: (r.schedule ?? []).map((i) => ({ dueDate: i.dueDate, amount: i.amount })) }]));
}

/**
 * Per customer, the mandate a collection uses: the newest active one, else the newest of any status
 * (so that the reason names it: revoked, lapsed…). Locked: the batch updates their history.
 */
export async function lockDebtorMandates(tx: TenantTx, accountIds: string[]): Promise<Map<string, DebtorMandate>> {
  const rows = (await tx.manager.query(
    `SELECT m.id, m.account_id AS "accountId", m.reference, m.signed_on::text AS "signedOn", m.type, m.scheme, m.status,
            m.pre_notification_days AS "preNotificationDays", m.collection_count AS "collectionCount", m.last_collection_on::text AS "lastCollectionOn",
            m.final_collection AS "finalCollection", m.pending_amendment AS "pendingAmendment", b.iban, b.bic, b.holder, a.name AS "customerName", a.email
       FROM mandates m
       JOIN bank_accounts b ON b.company_id = m.company_id AND b.id = m.bank_account_id
       JOIN accounts a ON a.company_id = m.company_id AND a.id = m.account_id
      WHERE m.company_id = $1 AND m.account_id = ANY($2::uuid[])
      ORDER BY m.account_id, (m.status = 'active') DESC, m.created_at DESC
      FOR UPDATE OF m`,
    [tx.ctx.companyId, accountIds],
  )) as DebtorMandate[];
  // FOR UPDATE cannot go with DISTINCT ON: every mandate of these customers is locked, the first per customer wins.
  const chosen = new Map<string, DebtorMandate>();
  for (const row of rows) if (!chosen.has(row.accountId)) chosen.set(row.accountId, row);
  return chosen;
}
