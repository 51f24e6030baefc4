// Aged receivables as of a past date: invoices settled on or before it (settled_on, the date of their
// last allocation) are closed then, so the report reads only the invoices still open at that date (the
// `settled_on IS NULL` and `settled_on > asOf` ranges of this index) instead of the whole history. The
// average payment delay reads the invoices settled in a date window through the same index.
import { MigrationInterface, QueryRunner } from "typeorm";

export class ReceivablesIndexes1795492200000 implements MigrationInterface {
    name = 'ReceivablesIndexes1795492200000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "ix_sales_documents_receivable" ON "sales_documents" ("company_id", "settled_on", "date") WHERE type = 'invoice' AND balance_due IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_sales_documents_receivable"`);
    }
}
