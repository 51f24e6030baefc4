// E-invoicing: the company's settings (in the reform's scope or not, its electronic address, the
// platform that transmits), the customer's electronic address (BT-49), the e-invoice originals of each
// validated document (CII, UBL, Factur-X: keys and hashes, written once) with where it stands on the
// platform, and the append-only lifecycle statuses the platform reported.
import { MigrationInterface, QueryRunner } from "typeorm";

const CURRENT_ORG = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;
const CURRENT_COMPANY = `NULLIF(current_setting('app.company_id', true), '')::uuid`;
const TABLES = ['einvoicing_settings', 'einvoices', 'einvoice_lifecycle_events'];

export class EInvoicing1795493000000 implements MigrationInterface {
    name = 'EInvoicing1795493000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "einvoicing_settings" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "enabled" boolean NOT NULL DEFAULT false, "electronic_address" character varying(125), "electronic_address_scheme" character varying(4) NOT NULL DEFAULT '0225', "profile" character varying(20) NOT NULL DEFAULT 'EN16931', "platform" character varying(30) NOT NULL DEFAULT 'none', "platform_config" jsonb NOT NULL DEFAULT '{}', "transmit_format" character varying(10) NOT NULL DEFAULT 'facturx', "auto_transmit" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_einvoicing_settings_company" UNIQUE ("company_id"), CONSTRAINT "PK_99925658fbc19eb0348b00e7725" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "einvoices" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "profile" character varying(20) NOT NULL, "flow" character varying(12) NOT NULL, "cii_key" character varying(512) NOT NULL, "cii_sha256" character(64) NOT NULL, "ubl_key" character varying(512) NOT NULL, "ubl_sha256" character(64) NOT NULL, "facturx_key" character varying(512) NOT NULL, "facturx_sha256" character(64) NOT NULL, "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" character varying(20) NOT NULL DEFAULT 'generated', "status_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "platform" character varying(30), "platform_ref" character varying(100), "submitted_at" TIMESTAMP WITH TIME ZONE, "last_error" text, CONSTRAINT "uq_einvoices_company_id" UNIQUE ("company_id", "id"), CONSTRAINT "PK_c0101a9c3f1628a8f335c05960a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_einvoices_company_status" ON "einvoices"  ("company_id", "status", "status_at") `);
        await queryRunner.query(`CREATE TABLE "einvoice_lifecycle_events" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "einvoice_id" uuid NOT NULL, "code" smallint NOT NULL, "status" character varying(30) NOT NULL, "event_ref" character varying(100) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "source" character varying(10) NOT NULL, "reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d063ea7422c08ed9c6e2abb557e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_einvoice_lifecycle_event" ON "einvoice_lifecycle_events"  ("company_id", "einvoice_id", "code", "event_ref") `);
        await queryRunner.query(`ALTER TABLE "sales_documents" ADD "einvoice_status" character varying(20)`);
        await queryRunner.query(`ALTER TABLE "accounts" ADD "electronic_address" character varying(125)`);
        await queryRunner.query(`ALTER TABLE "accounts" ADD "electronic_address_scheme" character varying(4)`);
        await queryRunner.query(`ALTER TABLE "einvoicing_settings" ADD CONSTRAINT "fk_einvoicing_settings_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "einvoices" ADD CONSTRAINT "fk_einvoices_document" FOREIGN KEY ("company_id", "id") REFERENCES "sales_documents"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "einvoice_lifecycle_events" ADD CONSTRAINT "fk_einvoice_lifecycle_einvoice" FOREIGN KEY ("company_id", "einvoice_id") REFERENCES "einvoices"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        for (const table of TABLES) {
            await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
            await queryRunner.query(`CREATE POLICY tenant_isolation ON ${table} USING (organization_id = ${CURRENT_ORG} AND company_id = ${CURRENT_COMPANY})`);
        }
        await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON einvoicing_settings TO comptoir_app`);
        await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON einvoices TO comptoir_app`);
        await queryRunner.query(`GRANT SELECT, INSERT ON einvoice_lifecycle_events TO comptoir_app`);
        // The stored originals are written once: only the platform columns of a row may change.
        await queryRunner.query(`CREATE FUNCTION einvoices_originals_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF (NEW.cii_key, NEW.cii_sha256, NEW.ubl_key, NEW.ubl_sha256, NEW.facturx_key, NEW.facturx_sha256, NEW.profile, NEW.flow, NEW.generated_at)
                   IS DISTINCT FROM (OLD.cii_key, OLD.cii_sha256, OLD.ubl_key, OLD.ubl_sha256, OLD.facturx_key, OLD.facturx_sha256, OLD.profile, OLD.flow, OLD.generated_at) THEN
                    RAISE EXCEPTION 'e-invoice originals are written once' USING ERRCODE = 'check_violation';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER einvoices_originals_immutable BEFORE UPDATE ON einvoices FOR EACH ROW EXECUTE FUNCTION einvoices_originals_immutable()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER einvoices_originals_immutable ON einvoices`);
        await queryRunner.query(`DROP FUNCTION einvoices_originals_immutable()`);
        for (const table of TABLES) await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`);
        await queryRunner.query(`ALTER TABLE "einvoice_lifecycle_events" DROP CONSTRAINT "fk_einvoice_lifecycle_einvoice"`);
        await queryRunner.query(`ALTER TABLE "einvoices" DROP CONSTRAINT "fk_einvoices_document"`);
        await queryRunner.query(`ALTER TABLE "einvoicing_settings" DROP CONSTRAINT "fk_einvoicing_settings_company"`);
        await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "electronic_address_scheme"`);
        await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "electronic_address"`);
        await queryRunner.query(`ALTER TABLE "sales_documents" DROP COLUMN "einvoice_status"`);
        await queryRunner.query(`DROP INDEX "public"."uq_einvoice_lifecycle_event"`);
        await queryRunner.query(`DROP TABLE "einvoice_lifecycle_events"`);
        await queryRunner.query(`DROP INDEX "public"."ix_einvoices_company_status"`);
        await queryRunner.query(`DROP TABLE "einvoices"`);
        await queryRunner.query(`DROP TABLE "einvoicing_settings"`);
    }

}
