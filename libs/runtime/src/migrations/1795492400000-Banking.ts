// SEPA direct debit: mandates (RUM unique per creditor, history that decides each collection's
// sequence type, pending amendment), batches with their items (one pending collection per invoice at
// most), and the company's SEPA creditor identifier (ICS).
import { MigrationInterface, QueryRunner } from "typeorm";

const CURRENT_ORG = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;
const CURRENT_COMPANY = `NULLIF(current_setting('app.company_id', true), '')::uuid`;
const TABLES = ['mandates', 'sepa_batches', 'sepa_batch_items'];

export class Banking1795492400000 implements MigrationInterface {
    name = 'Banking1795492400000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "mandates" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "account_id" uuid NOT NULL, "bank_account_id" uuid NOT NULL, "reference" character varying(35) NOT NULL, "signed_on" date NOT NULL, "signature_place" character varying(100) NOT NULL, "type" character varying(10) NOT NULL, "scheme" character varying(4) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'active', "pre_notification_days" smallint NOT NULL DEFAULT '14', "collection_count" integer NOT NULL DEFAULT '0', "last_collection_on" date, "final_collection" boolean NOT NULL DEFAULT false, "pending_amendment" jsonb, "revoked_on" date, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_mandates_reference" UNIQUE ("company_id", "reference"), CONSTRAINT "uq_mandates_company_id" UNIQUE ("company_id", "id"), CONSTRAINT "PK_08c57882cd87cc778f329700004" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_mandates_account" ON "mandates"  ("company_id", "account_id") `);
        await queryRunner.query(`CREATE TABLE "sepa_batches" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "format" character varying(20) NOT NULL, "message_id" character varying(35) NOT NULL, "collection_date" date NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'generated', "count" integer NOT NULL, "total" numeric(19,2) NOT NULL, "currency" character(3) NOT NULL DEFAULT 'EUR', "creditor_bank_account_id" uuid NOT NULL, "file_key" character varying(300) NOT NULL, "settled_on" date, "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_sepa_batches_company_id" UNIQUE ("company_id", "id"), CONSTRAINT "PK_4ca60290e475df881c935721a77" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_sepa_batches_created" ON "sepa_batches"  ("company_id", "created_at", "id") `);
        await queryRunner.query(`CREATE TABLE "sepa_batch_items" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "batch_id" uuid NOT NULL, "invoice_id" uuid NOT NULL, "invoice_number" character varying(40) NOT NULL, "account_id" uuid NOT NULL, "mandate_id" uuid NOT NULL, "mandate_reference" character varying(35) NOT NULL, "debtor_iban" character varying(34) NOT NULL, "sequence_type" character varying(4) NOT NULL, "amount" numeric(19,2) NOT NULL, "end_to_end_id" character varying(35) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "payment_id" uuid, "rejected_on" date, "reject_reason" character varying(300), CONSTRAINT "PK_26a1635f21755361fc82b63c405" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sepa_batch_items_pending_invoice" ON "sepa_batch_items"  ("company_id", "invoice_id") WHERE status = 'pending'`);
        await queryRunner.query(`CREATE INDEX "ix_sepa_batch_items_batch" ON "sepa_batch_items"  ("company_id", "batch_id") `);
        await queryRunner.query(`ALTER TABLE "companies" ADD "sepa_creditor_id" character varying(35)`);
        await queryRunner.query(`ALTER TABLE "mandates" ADD CONSTRAINT "fk_mandates_bank_account" FOREIGN KEY ("company_id", "bank_account_id") REFERENCES "bank_accounts"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "mandates" ADD CONSTRAINT "fk_mandates_account" FOREIGN KEY ("company_id", "account_id") REFERENCES "accounts"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "mandates" ADD CONSTRAINT "fk_mandates_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sepa_batches" ADD CONSTRAINT "fk_sepa_batches_bank_account" FOREIGN KEY ("company_id", "creditor_bank_account_id") REFERENCES "bank_accounts"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sepa_batches" ADD CONSTRAINT "fk_sepa_batches_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sepa_batch_items" ADD CONSTRAINT "fk_sepa_batch_items_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sepa_batch_items" ADD CONSTRAINT "fk_sepa_batch_items_mandate" FOREIGN KEY ("company_id", "mandate_id") REFERENCES "mandates"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sepa_batch_items" ADD CONSTRAINT "fk_sepa_batch_items_invoice" FOREIGN KEY ("company_id", "invoice_id") REFERENCES "sales_documents"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sepa_batch_items" ADD CONSTRAINT "fk_sepa_batch_items_batch" FOREIGN KEY ("company_id", "batch_id") REFERENCES "sepa_batches"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);

        for (const table of TABLES) {
            await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
            await queryRunner.query(`CREATE POLICY tenant_isolation ON ${table} USING (organization_id = ${CURRENT_ORG} AND company_id = ${CURRENT_COMPANY})`);
        }
        // Mandates are revoked, batches and their items settled or rejected: none is ever deleted.
        await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON mandates, sepa_batches, sepa_batch_items TO comptoir_app`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of TABLES) await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`);
        await queryRunner.query(`ALTER TABLE "sepa_batch_items" DROP CONSTRAINT "fk_sepa_batch_items_batch"`);
        await queryRunner.query(`ALTER TABLE "sepa_batch_items" DROP CONSTRAINT "fk_sepa_batch_items_invoice"`);
        await queryRunner.query(`ALTER TABLE "sepa_batch_items" DROP CONSTRAINT "fk_sepa_batch_items_mandate"`);
        await queryRunner.query(`ALTER TABLE "sepa_batch_items" DROP CONSTRAINT "fk_sepa_batch_items_company"`);
        await queryRunner.query(`ALTER TABLE "sepa_batches" DROP CONSTRAINT "fk_sepa_batches_company"`);
        await queryRunner.query(`ALTER TABLE "sepa_batches" DROP CONSTRAINT "fk_sepa_batches_bank_account"`);
        await queryRunner.query(`ALTER TABLE "mandates" DROP CONSTRAINT "fk_mandates_company"`);
        await queryRunner.query(`ALTER TABLE "mandates" DROP CONSTRAINT "fk_mandates_account"`);
        await queryRunner.query(`ALTER TABLE "mandates" DROP CONSTRAINT "fk_mandates_bank_account"`);
        await queryRunner.query(`ALTER TABLE "companies" DROP COLUMN "sepa_creditor_id"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sepa_batch_items_batch"`);
        await queryRunner.query(`DROP INDEX "public"."uq_sepa_batch_items_pending_invoice"`);
        await queryRunner.query(`DROP TABLE "sepa_batch_items"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sepa_batches_created"`);
        await queryRunner.query(`DROP TABLE "sepa_batches"`);
        await queryRunner.query(`DROP INDEX "public"."ix_mandates_account"`);
        await queryRunner.query(`DROP TABLE "mandates"`);
    }

}
