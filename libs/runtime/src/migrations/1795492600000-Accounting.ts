// Accounting settings per company: the VAT regime of the FEC export (receipts or debits), the codes and
// labels of the sales and bank journals, and the accounts it posts to (customers, sales per product
// type and rate, VAT collected and pending, deposits, bank per company bank account, rounding).
import { MigrationInterface, QueryRunner } from "typeorm";

const CURRENT_ORG = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;
const CURRENT_COMPANY = `NULLIF(current_setting('app.company_id', true), '')::uuid`;

export class Accounting1795492600000 implements MigrationInterface {
    name = 'Accounting1795492600000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "accounting_settings" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "vat_regime" character varying(10) NOT NULL, "sales_journal_code" character varying(10) NOT NULL, "sales_journal_label" character varying(100) NOT NULL, "bank_journal_code" character varying(10) NOT NULL, "bank_journal_label" character varying(100) NOT NULL, "customers_account" character varying(12) NOT NULL, "sales_goods_account" character varying(12) NOT NULL, "sales_services_account" character varying(12) NOT NULL, "vat_collected_account" character varying(12) NOT NULL, "vat_pending_account" character varying(12) NOT NULL, "deposits_account" character varying(12) NOT NULL, "bank_account" character varying(12) NOT NULL, "rounding_debit_account" character varying(12) NOT NULL, "rounding_credit_account" character varying(12) NOT NULL, "rate_accounts" jsonb NOT NULL DEFAULT '[]', "bank_accounts" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_accounting_settings_company" UNIQUE ("company_id"), CONSTRAINT "PK_25b7d2f4a7d4b10aa42422df298" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "accounting_settings" ADD CONSTRAINT "fk_accounting_settings_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE accounting_settings ENABLE ROW LEVEL SECURITY`);
        await queryRunner.query(`CREATE POLICY tenant_isolation ON accounting_settings USING (organization_id = ${CURRENT_ORG} AND company_id = ${CURRENT_COMPANY})`);
        await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON accounting_settings TO comptoir_app`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON accounting_settings`);
        await queryRunner.query(`ALTER TABLE "accounting_settings" DROP CONSTRAINT "fk_accounting_settings_company"`);
        await queryRunner.query(`DROP TABLE "accounting_settings"`);
    }
}
