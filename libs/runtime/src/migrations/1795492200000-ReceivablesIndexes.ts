// Aged receivables: invoices settled on or before the as-of date (settled_on, the date of their last
// allocation) are closed then, so the report reads only the invoices still open at that date — the
// `settled_on IS NULL` range (today) and the `settled_on > asOf` range (a past date) of this index —
// instead of the whole history; the average payment delay reads a settled_on window. The predicates are
// IS NULL and date comparisons on purpose: under row-level security PostgreSQL only uses leakproof
// operators for index conditions, and numeric `<>` (the predicate of ix_sales_documents_open) is not.
// The INCLUDE columns are what the report reads, so today's report is an index-only scan. TypeORM
// cannot declare INCLUDE: the entity names the index with synchronize: false.
import { MigrationInterface, QueryRunner } from "typeorm";

export class ReceivablesIndexes1795492200000 implements MigrationInterface {
    name = 'ReceivablesIndexes1795492200000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "ix_sales_documents_receivable" ON "sales_documents" ("company_id", "settled_on", "date")
            INCLUDE ("id", "organization_id", "account_id", "establishment_id", "kind", "test_mode", "number", "due_date", "due", "balance_due", "schedule")
            WHERE type = 'invoice' AND balance_due IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_sales_documents_receivable"`);
    }
}
