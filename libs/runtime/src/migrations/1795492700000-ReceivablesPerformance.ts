// Receivables at 1,000,000 invoices (issue 4, item 10). Under row-level security PostgreSQL only lets
// LEAKPROOF operators into index conditions and partial-index proofs; numeric `<>`/`>` are not, so the
// predicate of ix_sales_documents_open (`balance_due <> 0`) never matched a query of the application role.
// - ix_sales_documents_open: same columns, leakproof predicate (an invoice is open while settled_on IS NULL,
//   which SettlementLedger keeps: set when the balance reaches zero, cleared when it re-opens).
// - ix_sales_documents_receivable: also covers what DunningPlanner reads of an open invoice (status,
//   currency, recovery and collection status), so the dunning scan is index-only like today's aged balance.
//   TypeORM cannot declare INCLUDE: the entity names it with synchronize: false.
import { MigrationInterface, QueryRunner } from "typeorm";

const RECEIVABLE_COLUMNS = `"id", "organization_id", "account_id", "establishment_id", "kind", "test_mode", "number", "due_date", "due", "balance_due", "schedule"`;

export class ReceivablesPerformance1795492700000 implements MigrationInterface {
    name = 'ReceivablesPerformance1795492700000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_sales_documents_open"`);
        await queryRunner.query(`CREATE INDEX "ix_sales_documents_open" ON "sales_documents" ("company_id", "account_id", "due_date") WHERE settled_on IS NULL AND type = 'invoice' AND balance_due IS NOT NULL`);
        await queryRunner.query(`DROP INDEX "public"."ix_sales_documents_receivable"`);
        await queryRunner.query(`CREATE INDEX "ix_sales_documents_receivable" ON "sales_documents" ("company_id", "settled_on", "date")
            INCLUDE (${RECEIVABLE_COLUMNS}, "status", "currency", "recovery_status", "collection_status")
            WHERE type = 'invoice' AND balance_due IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_sales_documents_receivable"`);
        await queryRunner.query(`CREATE INDEX "ix_sales_documents_receivable" ON "sales_documents" ("company_id", "settled_on", "date")
            INCLUDE (${RECEIVABLE_COLUMNS})
            WHERE type = 'invoice' AND balance_due IS NOT NULL`);
        await queryRunner.query(`DROP INDEX "public"."ix_sales_documents_open"`);
        await queryRunner.query(`CREATE INDEX "ix_sales_documents_open" ON "sales_documents" ("company_id", "account_id", "due_date") WHERE balance_due <> 0 AND type = 'invoice'`);
    }
}
