import { MigrationInterface, QueryRunner } from 'typeorm';

/** Index of the validated invoices whose PDF original the worker has not stored yet (bulk printing backlog). */
export class PendingOriginals1795480400000 implements MigrationInterface {
  name = 'PendingOriginals1795480400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "ix_sales_documents_pending_original" ON "sales_documents" ("company_id", "validated_at", "id") WHERE type = 'invoice' AND snapshot IS NOT NULL AND pdf_key IS NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."ix_sales_documents_pending_original"`);
  }
}
