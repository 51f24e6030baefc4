import { MigrationInterface, QueryRunner } from 'typeorm';

const COMPANY_TABLES = ['number_sequences', 'number_counters', 'ledger_entries', 'ledger_heads', 'ledger_closings'];
/** Append-only for everyone: the sealed journal and the closings it seals. */
const APPEND_ONLY = ['ledger_entries', 'ledger_closings'];
const CURRENT_ORG = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;
const CURRENT_COMPANY = `NULLIF(current_setting('app.company_id', true), '')::uuid`;

/**
 * Numbering series and counters, the sealed journal and its head, closings. Generated from the
 * entities, then by hand: row-level security, and the append-only guarantees of the journal and the
 * closings (triggers refusing UPDATE, DELETE and TRUNCATE for every role, and no such privileges for
 * the application role, which owns no table and so can neither drop nor disable those triggers).
 */
export class LedgerLock1795480100000 implements MigrationInterface {
  name = 'LedgerLock1795480100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "ledger_closings" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "kind" character varying(5) NOT NULL, "period" character varying(7) NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "totals" jsonb NOT NULL, "seal_seq" bigint NOT NULL, "archive_key" character varying(200) NOT NULL, "retain_until" date NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_ledger_closings_company_period" UNIQUE ("company_id", "kind", "period"), CONSTRAINT "PK_62962487a4491a93c96dfb19272" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_ledger_closings_company_end" ON "ledger_closings"  ("company_id", "end_date") `);
    await q.query(`CREATE TABLE "number_sequences" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "document_type" character varying(20) NOT NULL, "establishment_id" uuid, "pattern" character varying(40) NOT NULL, "counter_width" smallint NOT NULL, "reset" character varying(10) NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "last_date" date, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_number_sequences_company_id" UNIQUE ("company_id", "id"), CONSTRAINT "PK_d4783b8bab8c10a0ccbdfaaef34" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_number_sequences_establishment_type" ON "number_sequences"  ("company_id", "document_type", "establishment_id") WHERE establishment_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "uq_number_sequences_company_type" ON "number_sequences"  ("company_id", "document_type") WHERE establishment_id IS NULL`);
    await q.query(`CREATE TABLE "ledger_entries" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "seq" bigint NOT NULL, "kind" character varying(20) NOT NULL, "record_type" character varying(40) NOT NULL, "record_id" uuid NOT NULL, "record_date" date NOT NULL, "payload" jsonb NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_ledger_entries_company_seq" UNIQUE ("company_id", "seq"), CONSTRAINT "PK_6efcb84411d3f08b08450ae75d5" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_ledger_entries_company_kind_date" ON "ledger_entries"  ("company_id", "kind", "record_date") `);
    await q.query(`CREATE INDEX "ix_ledger_entries_company_record" ON "ledger_entries"  ("company_id", "record_id") `);
    await q.query(`CREATE TABLE "number_counters" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "sequence_id" uuid NOT NULL, "period_key" character varying(7) NOT NULL, "last_value" integer NOT NULL, "last_date" date NOT NULL, CONSTRAINT "uq_number_counters_sequence_period" UNIQUE ("sequence_id", "period_key"), CONSTRAINT "PK_6813bb9f802bfa4af58d6ab04f0" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "ledger_heads" ("company_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "last_seq" bigint NOT NULL, "last_hash" character(64) NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_91e2e125bddc38bd199c4e61961" PRIMARY KEY ("company_id"))`);
    await q.query(`ALTER TABLE "ledger_closings" ADD CONSTRAINT "fk_ledger_closings_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "number_sequences" ADD CONSTRAINT "fk_number_sequences_establishment" FOREIGN KEY ("company_id", "establishment_id") REFERENCES "establishments"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "number_sequences" ADD CONSTRAINT "fk_number_sequences_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "ledger_entries" ADD CONSTRAINT "fk_ledger_entries_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "number_counters" ADD CONSTRAINT "fk_number_counters_sequence" FOREIGN KEY ("company_id", "sequence_id") REFERENCES "number_sequences"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "number_counters" ADD CONSTRAINT "fk_number_counters_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "ledger_heads" ADD CONSTRAINT "fk_ledger_heads_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);

    for (const table of COMPANY_TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (organization_id = ${CURRENT_ORG} AND company_id = ${CURRENT_COMPANY})`);
    }
    await q.query(`CREATE OR REPLACE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused (sealed records are never changed or removed)', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of APPEND_ONLY) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change()`);
      await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM comptoir_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of APPEND_ONLY) {
      await q.query(`DROP TRIGGER IF EXISTS ${table}_no_truncate ON ${table}`);
      await q.query(`DROP TRIGGER IF EXISTS ${table}_append_only ON ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS ledger_refuse_change()`);
    await q.query(`ALTER TABLE "ledger_heads" DROP CONSTRAINT "fk_ledger_heads_company"`);
    await q.query(`ALTER TABLE "number_counters" DROP CONSTRAINT "fk_number_counters_company"`);
    await q.query(`ALTER TABLE "number_counters" DROP CONSTRAINT "fk_number_counters_sequence"`);
    await q.query(`ALTER TABLE "ledger_entries" DROP CONSTRAINT "fk_ledger_entries_company"`);
    await q.query(`ALTER TABLE "number_sequences" DROP CONSTRAINT "fk_number_sequences_company"`);
    await q.query(`ALTER TABLE "number_sequences" DROP CONSTRAINT "fk_number_sequences_establishment"`);
    await q.query(`ALTER TABLE "ledger_closings" DROP CONSTRAINT "fk_ledger_closings_company"`);
    await q.query(`DROP TABLE "ledger_heads"`);
    await q.query(`DROP TABLE "number_counters"`);
    await q.query(`DROP INDEX "public"."ix_ledger_entries_company_record"`);
    await q.query(`DROP INDEX "public"."ix_ledger_entries_company_kind_date"`);
    await q.query(`DROP TABLE "ledger_entries"`);
    await q.query(`DROP INDEX "public"."uq_number_sequences_company_type"`);
    await q.query(`DROP INDEX "public"."uq_number_sequences_establishment_type"`);
    await q.query(`DROP TABLE "number_sequences"`);
    await q.query(`DROP INDEX "public"."ix_ledger_closings_company_end"`);
    await q.query(`DROP TABLE "ledger_closings"`);
  }
}
