import { Injectable } from '@nestjs/common';
import { TenantTx } from '@comptoir/platform/database';

/**
 * The "collection pending" flag of invoices while a SEPA direct debit or a Stripe payment is in flight
 * (set by BANKING and STRIPE, read by dunning and the SPA): one statement for any number of invoices.
 */
@Injectable()
export class InvoiceCollectionFlags {
  async markPending(tx: TenantTx, invoiceIds: string[]): Promise<void> {
    await this.set(tx, invoiceIds, 'pending');
  }

  async clearPending(tx: TenantTx, invoiceIds: string[]): Promise<void> {
    await this.set(tx, invoiceIds, null);
  }

  private async set(tx: TenantTx, invoiceIds: string[], status: 'pending' | null): Promise<void> {
    if (!invoiceIds.length) return;
    await tx.manager.query(
      `UPDATE sales_documents SET collection_status = $3, updated_at = now()
        WHERE company_id = $1 AND id = ANY($2::uuid[]) AND type = 'invoice' AND collection_status IS DISTINCT FROM $3`,
      [tx.ctx.companyId, invoiceIds, status],
    );
  }
}
