// Dunning: per-company steps and settings (with the daily digest), mass-action runs, and the follow-up
// history (one event per invoice and step, UNIQUE: a step is never planned twice). Mail gains
// attachments (FileStore keys read at send time), the time it was marked sending (the date an
// uncertain mail counts from when a person marks it sent), and a UNIQUE Message-ID: a caller's
// deterministic one can never be queued twice.
import { MigrationInterface, QueryRunner } from "typeorm";

const CURRENT_ORG = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;
const CURRENT_COMPANY = `NULLIF(current_setting('app.company_id', true), '')::uuid`;
const TABLES = ['dunning_settings', 'dunning_steps', 'dunning_runs', 'dunning_events'];

export class Dunning1795492300000 implements MigrationInterface {
    name = 'Dunning1795492300000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "dunning_runs" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "as_of" date NOT NULL, "requested" integer NOT NULL, "total" integer NOT NULL, "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fc9a3ab7dfd15bc3a58f189b40a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "dunning_events" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "invoice_id" uuid NOT NULL, "step_id" uuid NOT NULL, "run_id" uuid NOT NULL, "as_of" date NOT NULL, "mail_id" uuid, "message_id" character varying(200) NOT NULL, "recipient" character varying(254) NOT NULL, "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_dunning_events_step" UNIQUE ("company_id", "invoice_id", "step_id"), CONSTRAINT "PK_3900bfbc2523fb0190bb5d500e8" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_dunning_events_run" ON "dunning_events"  ("company_id", "run_id") `);
        await queryRunner.query(`CREATE TABLE "dunning_settings" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "due_soon_days" smallint NOT NULL DEFAULT '7', "digest_on" date, "digest_count" integer, "digest_amount" numeric(19,2), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_dunning_settings_company" UNIQUE ("company_id"), CONSTRAINT "PK_495828212a43a47e2c75a33cc94" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "dunning_steps" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "position" smallint NOT NULL, "name" character varying(100) NOT NULL, "delay_days" smallint NOT NULL, "subject" character varying(300) NOT NULL, "body" text NOT NULL, "attach_pdf" boolean NOT NULL DEFAULT false, "fee_note" text, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0ee6a5e5927c0c8ce13ce56270e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_dunning_steps_position" ON "dunning_steps"  ("company_id", "position") `);
        await queryRunner.query(`ALTER TABLE "mail_messages" ADD "attachments" jsonb NOT NULL DEFAULT '[]'`);
        await queryRunner.query(`ALTER TABLE "mail_messages" ADD "sending_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_mail_messages_message_id" ON "mail_messages"  ("message_id") `);
        await queryRunner.query(`ALTER TABLE "dunning_runs" ADD CONSTRAINT "fk_dunning_runs_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "dunning_events" ADD CONSTRAINT "fk_dunning_events_mail" FOREIGN KEY ("mail_id") REFERENCES "mail_messages"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "dunning_events" ADD CONSTRAINT "fk_dunning_events_step" FOREIGN KEY ("step_id") REFERENCES "dunning_steps"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "dunning_events" ADD CONSTRAINT "fk_dunning_events_invoice" FOREIGN KEY ("company_id", "invoice_id") REFERENCES "sales_documents"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "dunning_settings" ADD CONSTRAINT "fk_dunning_settings_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "dunning_steps" ADD CONSTRAINT "fk_dunning_steps_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);

        for (const table of TABLES) {
            await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
            await queryRunner.query(`CREATE POLICY tenant_isolation ON ${table} USING (organization_id = ${CURRENT_ORG} AND company_id = ${CURRENT_COMPANY})`);
        }
        await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON dunning_settings, dunning_steps, dunning_runs, dunning_events TO comptoir_app`);
        // Steps are archived, never deleted; the follow-up history is never rewritten (its mail carries the status).
        await queryRunner.query(`REVOKE DELETE, TRUNCATE ON dunning_settings, dunning_steps, dunning_runs, dunning_events FROM comptoir_app`);
        // The daily digest job works for every company that uses dunning: this one list of ids crosses
        // row-level security (owned by the migration's role), everything else runs in each tenant's transaction.
        await queryRunner.query(`CREATE FUNCTION dunning_digest_companies() RETURNS TABLE (organization_id uuid, company_id uuid)
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT organization_id, company_id FROM public.dunning_settings ORDER BY company_id $$`);
        await queryRunner.query(`REVOKE ALL ON FUNCTION dunning_digest_companies() FROM PUBLIC`);
        await queryRunner.query(`GRANT EXECUTE ON FUNCTION dunning_digest_companies() TO comptoir_app`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP FUNCTION dunning_digest_companies()`);
        for (const table of TABLES) await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`);
        await queryRunner.query(`ALTER TABLE "dunning_steps" DROP CONSTRAINT "fk_dunning_steps_company"`);
        await queryRunner.query(`ALTER TABLE "dunning_settings" DROP CONSTRAINT "fk_dunning_settings_company"`);
        await queryRunner.query(`ALTER TABLE "dunning_events" DROP CONSTRAINT "fk_dunning_events_invoice"`);
        await queryRunner.query(`ALTER TABLE "dunning_events" DROP CONSTRAINT "fk_dunning_events_step"`);
        await queryRunner.query(`ALTER TABLE "dunning_events" DROP CONSTRAINT "fk_dunning_events_mail"`);
        await queryRunner.query(`ALTER TABLE "dunning_runs" DROP CONSTRAINT "fk_dunning_runs_company"`);
        await queryRunner.query(`DROP INDEX "public"."uq_mail_messages_message_id"`);
        await queryRunner.query(`ALTER TABLE "mail_messages" DROP COLUMN "sending_at"`);
        await queryRunner.query(`ALTER TABLE "mail_messages" DROP COLUMN "attachments"`);
        await queryRunner.query(`DROP INDEX "public"."ix_dunning_steps_position"`);
        await queryRunner.query(`DROP TABLE "dunning_steps"`);
        await queryRunner.query(`DROP TABLE "dunning_settings"`);
        await queryRunner.query(`DROP INDEX "public"."ix_dunning_events_run"`);
        await queryRunner.query(`DROP TABLE "dunning_events"`);
        await queryRunner.query(`DROP TABLE "dunning_runs"`);
    }
}
