// Stripe SEPA debit (ADR 0012): per-company keys sealed with SECRETS_KEY, the customers registered at
// Stripe, every webhook event once (unique per company), and each collection attempt of an invoice.
// Webhooks arrive without credentials: stripe_webhook_tenant() (security definer) tells which
// organisation a company belongs to, for companies that have a webhook secret, and nothing else.
import { MigrationInterface, QueryRunner } from "typeorm";

const CURRENT_ORG = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;
const CURRENT_COMPANY = `NULLIF(current_setting('app.company_id', true), '')::uuid`;
const TABLES = ['stripe_settings', 'stripe_customers', 'stripe_events', 'stripe_payment_attempts'];

export class Stripe1795492500000 implements MigrationInterface {
    name = 'Stripe1795492500000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "stripe_settings" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "secret_key_sealed" text NOT NULL, "secret_key_last4" character varying(4) NOT NULL, "publishable_key" character varying(255) NOT NULL, "webhook_secret_sealed" text, "mode" character varying(4) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_stripe_settings_company" UNIQUE ("company_id"), CONSTRAINT "PK_4413ab5408e655098949e2b8d85" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "stripe_customers" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "account_id" uuid NOT NULL, "bank_account_id" uuid NOT NULL, "stripe_customer_id" character varying(255) NOT NULL, "payment_method_id" character varying(255) NOT NULL, "mandate_id" character varying(255), "email" character varying(254) NOT NULL, "mode" character varying(4) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_stripe_customers_account" UNIQUE ("company_id", "account_id"), CONSTRAINT "PK_04d1cce981fe2fc3688e52bf2b6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "stripe_events" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "event_id" character varying(255) NOT NULL, "type" character varying(100) NOT NULL, "object_id" character varying(255), "outcome" character varying(20) NOT NULL, "received_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_stripe_events_event" UNIQUE ("company_id", "event_id"), CONSTRAINT "PK_d3247bd5fc3f66b6982bbcdd897" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "stripe_payment_attempts" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "invoice_id" uuid NOT NULL, "attempt" smallint NOT NULL, "payment_intent_id" character varying(255), "amount" numeric(19,2) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'pending', "failure_message" character varying(500), "payment_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_stripe_payment_attempts_attempt" UNIQUE ("company_id", "invoice_id", "attempt"), CONSTRAINT "PK_d8def1e873a8b4bf9f02a2a7527" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_stripe_payment_attempts_intent" ON "stripe_payment_attempts"  ("company_id", "payment_intent_id") WHERE payment_intent_id IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "stripe_settings" ADD CONSTRAINT "fk_stripe_settings_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "stripe_customers" ADD CONSTRAINT "fk_stripe_customers_bank_account" FOREIGN KEY ("company_id", "bank_account_id") REFERENCES "bank_accounts"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "stripe_customers" ADD CONSTRAINT "fk_stripe_customers_account" FOREIGN KEY ("company_id", "account_id") REFERENCES "accounts"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "stripe_customers" ADD CONSTRAINT "fk_stripe_customers_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "stripe_events" ADD CONSTRAINT "fk_stripe_events_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "stripe_payment_attempts" ADD CONSTRAINT "fk_stripe_payment_attempts_invoice" FOREIGN KEY ("company_id", "invoice_id") REFERENCES "sales_documents"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "stripe_payment_attempts" ADD CONSTRAINT "fk_stripe_payment_attempts_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);

        for (const table of TABLES) {
            await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
            await queryRunner.query(`CREATE POLICY tenant_isolation ON ${table} USING (organization_id = ${CURRENT_ORG} AND company_id = ${CURRENT_COMPANY})`);
        }
        await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON stripe_settings, stripe_customers, stripe_payment_attempts TO comptoir_app`);
        // The event log is append-only: a handled event is never forgotten, so it is never handled twice.
        await queryRunner.query(`GRANT SELECT, INSERT ON stripe_events TO comptoir_app`);
        await queryRunner.query(`
            CREATE FUNCTION stripe_webhook_tenant(company uuid) RETURNS uuid
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
                SELECT organization_id FROM stripe_settings WHERE company_id = company AND webhook_secret_sealed IS NOT NULL
            $$`);
        await queryRunner.query(`REVOKE ALL ON FUNCTION stripe_webhook_tenant(uuid) FROM PUBLIC`);
        await queryRunner.query(`GRANT EXECUTE ON FUNCTION stripe_webhook_tenant(uuid) TO comptoir_app`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP FUNCTION stripe_webhook_tenant(uuid)`);
        for (const table of TABLES) await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`);
        await queryRunner.query(`ALTER TABLE "stripe_payment_attempts" DROP CONSTRAINT "fk_stripe_payment_attempts_company"`);
        await queryRunner.query(`ALTER TABLE "stripe_payment_attempts" DROP CONSTRAINT "fk_stripe_payment_attempts_invoice"`);
        await queryRunner.query(`ALTER TABLE "stripe_events" DROP CONSTRAINT "fk_stripe_events_company"`);
        await queryRunner.query(`ALTER TABLE "stripe_customers" DROP CONSTRAINT "fk_stripe_customers_company"`);
        await queryRunner.query(`ALTER TABLE "stripe_customers" DROP CONSTRAINT "fk_stripe_customers_account"`);
        await queryRunner.query(`ALTER TABLE "stripe_customers" DROP CONSTRAINT "fk_stripe_customers_bank_account"`);
        await queryRunner.query(`ALTER TABLE "stripe_settings" DROP CONSTRAINT "fk_stripe_settings_company"`);
        await queryRunner.query(`DROP INDEX "public"."uq_stripe_payment_attempts_intent"`);
        await queryRunner.query(`DROP TABLE "stripe_payment_attempts"`);
        await queryRunner.query(`DROP TABLE "stripe_events"`);
        await queryRunner.query(`DROP TABLE "stripe_customers"`);
        await queryRunner.query(`DROP TABLE "stripe_settings"`);
    }

}
