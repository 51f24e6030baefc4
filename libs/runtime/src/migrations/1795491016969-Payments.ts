// Money in: payments (sealed, never deleted), their dated allocations to invoices and refunds
// (append-only: a cancelled payment adds reversing rows), the bank accounts they go through, and the
// live position of each invoice (paid, credited, balance due, payment status), which the legal-field
// trigger of the Billing migration leaves mutable on purpose.
import { MigrationInterface, QueryRunner } from "typeorm";

const CURRENT_ORG = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;
const CURRENT_COMPANY = `NULLIF(current_setting('app.company_id', true), '')::uuid`;
const TABLES = ['payments', 'payment_allocations', 'bank_accounts'];
/** What a recorded payment may still change: its cancellation and the credit left to allocate. */
const PAYMENT_MUTABLE = ['status', 'cancelled_on', 'cancel_reason', 'unallocated'];

export class Payments1795491016969 implements MigrationInterface {
    name = 'Payments1795491016969'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "payments" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "account_id" uuid NOT NULL, "direction" character varying(3) NOT NULL DEFAULT 'in', "date" date NOT NULL, "method" character varying(20) NOT NULL, "amount" numeric(19,2) NOT NULL, "currency" character(3) NOT NULL DEFAULT 'EUR', "bank_account_id" uuid, "reference" character varying(140), "note" text, "external_ref" character varying(200), "unallocated" numeric(19,2) NOT NULL DEFAULT '0', "status" character varying(20) NOT NULL DEFAULT 'recorded', "cancelled_on" date, "cancel_reason" character varying(300), "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_payments_company_id" UNIQUE ("company_id", "id"), CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_payments_external_ref" ON "payments"  ("company_id", "external_ref") WHERE external_ref IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "ix_payments_date" ON "payments"  ("company_id", "date", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_payments_account" ON "payments"  ("company_id", "account_id", "date") `);
        await queryRunner.query(`CREATE TABLE "payment_allocations" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "source_type" character varying(20) NOT NULL, "source_id" uuid NOT NULL, "target_type" character varying(20) NOT NULL, "target_id" uuid NOT NULL, "amount" numeric(19,2) NOT NULL, "date" date NOT NULL, "reverses_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a5c6ff22065ac772620c85f4efb" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_payment_allocations_date" ON "payment_allocations"  ("company_id", "date") `);
        await queryRunner.query(`CREATE INDEX "ix_payment_allocations_source" ON "payment_allocations"  ("company_id", "source_id") `);
        await queryRunner.query(`CREATE INDEX "ix_payment_allocations_target" ON "payment_allocations"  ("company_id", "target_id", "date") `);
        await queryRunner.query(`CREATE TABLE "bank_accounts" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "account_id" uuid, "iban" character varying(34) NOT NULL, "bic" character varying(11), "holder" character varying(140) NOT NULL, "label" character varying(100), "is_default" boolean NOT NULL DEFAULT false, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_bank_accounts_company_id" UNIQUE ("company_id", "id"), CONSTRAINT "PK_c872de764f2038224a013ff25ed" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_bank_accounts_account" ON "bank_accounts"  ("company_id", "account_id") `);
        await queryRunner.query(`ALTER TABLE "sales_documents" ADD "paid" numeric(19,2) NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "sales_documents" ADD "credited" numeric(19,2) NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "sales_documents" ADD "balance_due" numeric(19,2)`);
        await queryRunner.query(`ALTER TABLE "sales_documents" ADD "payment_status" character varying(20)`);
        await queryRunner.query(`ALTER TABLE "sales_documents" ADD "settled_on" date`);
        await queryRunner.query(`ALTER TABLE "sales_documents" ADD "collection_status" character varying(20)`);
        await queryRunner.query(`ALTER TABLE "sales_documents" ADD "recovery_status" character varying(20)`);
        await queryRunner.query(`CREATE INDEX "ix_sales_documents_open" ON "sales_documents"  ("company_id", "account_id", "due_date") WHERE balance_due <> 0 AND type = 'invoice'`);
        await queryRunner.query(`ALTER TABLE "payments" ADD CONSTRAINT "fk_payments_bank_account" FOREIGN KEY ("company_id", "bank_account_id") REFERENCES "bank_accounts"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "payments" ADD CONSTRAINT "fk_payments_account" FOREIGN KEY ("company_id", "account_id") REFERENCES "accounts"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "payments" ADD CONSTRAINT "fk_payments_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "payment_allocations" ADD CONSTRAINT "fk_payment_allocations_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "bank_accounts" ADD CONSTRAINT "fk_bank_accounts_account" FOREIGN KEY ("company_id", "account_id") REFERENCES "accounts"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "bank_accounts" ADD CONSTRAINT "fk_bank_accounts_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);

        for (const table of TABLES) {
            await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
            await queryRunner.query(`CREATE POLICY tenant_isolation ON ${table} USING (organization_id = ${CURRENT_ORG} AND company_id = ${CURRENT_COMPANY})`);
        }
        await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON payments, payment_allocations TO comptoir_app`);
        await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON bank_accounts TO comptoir_app`);
        // Payments are never deleted and allocations never change: cancellation is a reversing entry.
        await queryRunner.query(`REVOKE DELETE, TRUNCATE ON payments FROM comptoir_app`);
        await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON payment_allocations FROM comptoir_app`);
        await queryRunner.query(`
            CREATE FUNCTION payments_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    RAISE EXCEPTION 'payment % is sealed: it is cancelled, never deleted', OLD.id USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                IF (to_jsonb(NEW) - ARRAY[${PAYMENT_MUTABLE.map((c) => `'${c}'`).join(', ')}]) IS DISTINCT FROM (to_jsonb(OLD) - ARRAY[${PAYMENT_MUTABLE.map((c) => `'${c}'`).join(', ')}])
                   OR (OLD.status = 'cancelled' AND NEW.status <> 'cancelled') THEN
                    RAISE EXCEPTION 'payment % is sealed: only its cancellation may be recorded', OLD.id USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER payments_guard BEFORE UPDATE OR DELETE ON payments FOR EACH ROW EXECUTE FUNCTION payments_guard()`);
        await queryRunner.query(`
            CREATE FUNCTION payment_allocations_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'payment allocations are append-only: reverse them instead' USING ERRCODE = 'integrity_constraint_violation';
            END $$`);
        await queryRunner.query(`CREATE TRIGGER payment_allocations_append_only BEFORE UPDATE OR DELETE ON payment_allocations FOR EACH ROW EXECUTE FUNCTION payment_allocations_append_only()`);
        // Documents validated before this migration start fully open.
        await queryRunner.query(`UPDATE sales_documents SET balance_due = due, payment_status = 'unpaid' WHERE type = 'invoice' AND kind IN ('invoice', 'deposit') AND status <> 'draft' AND NOT test_mode`);
        await queryRunner.query(`UPDATE sales_documents SET balance_due = gross WHERE type = 'invoice' AND kind = 'credit_note' AND status <> 'draft' AND NOT test_mode`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER payment_allocations_append_only ON payment_allocations`);
        await queryRunner.query(`DROP FUNCTION payment_allocations_append_only()`);
        await queryRunner.query(`DROP TRIGGER payments_guard ON payments`);
        await queryRunner.query(`DROP FUNCTION payments_guard()`);
        for (const table of TABLES) await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`);
        await queryRunner.query(`ALTER TABLE "bank_accounts" DROP CONSTRAINT "fk_bank_accounts_company"`);
        await queryRunner.query(`ALTER TABLE "bank_accounts" DROP CONSTRAINT "fk_bank_accounts_account"`);
        await queryRunner.query(`ALTER TABLE "payment_allocations" DROP CONSTRAINT "fk_payment_allocations_company"`);
        await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "fk_payments_company"`);
        await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "fk_payments_account"`);
        await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "fk_payments_bank_account"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sales_documents_open"`);
        await queryRunner.query(`ALTER TABLE "sales_documents" DROP COLUMN "recovery_status"`);
        await queryRunner.query(`ALTER TABLE "sales_documents" DROP COLUMN "collection_status"`);
        await queryRunner.query(`ALTER TABLE "sales_documents" DROP COLUMN "settled_on"`);
        await queryRunner.query(`ALTER TABLE "sales_documents" DROP COLUMN "payment_status"`);
        await queryRunner.query(`ALTER TABLE "sales_documents" DROP COLUMN "balance_due"`);
        await queryRunner.query(`ALTER TABLE "sales_documents" DROP COLUMN "credited"`);
        await queryRunner.query(`ALTER TABLE "sales_documents" DROP COLUMN "paid"`);
        await queryRunner.query(`DROP INDEX "public"."ix_bank_accounts_account"`);
        await queryRunner.query(`DROP TABLE "bank_accounts"`);
        await queryRunner.query(`DROP INDEX "public"."ix_payment_allocations_target"`);
        await queryRunner.query(`DROP INDEX "public"."ix_payment_allocations_source"`);
        await queryRunner.query(`DROP INDEX "public"."ix_payment_allocations_date"`);
        await queryRunner.query(`DROP TABLE "payment_allocations"`);
        await queryRunner.query(`DROP INDEX "public"."ix_payments_account"`);
        await queryRunner.query(`DROP INDEX "public"."ix_payments_date"`);
        await queryRunner.query(`DROP INDEX "public"."uq_payments_external_ref"`);
        await queryRunner.query(`DROP TABLE "payments"`);
    }

}
