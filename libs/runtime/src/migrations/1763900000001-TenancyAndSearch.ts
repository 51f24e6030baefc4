import { MigrationInterface, QueryRunner } from 'typeorm';

const ORG_TABLES = ['companies', 'audit_entries'];
const COMPANY_TABLES = ['establishments', 'sectors', 'accounts', 'contacts', 'activities'];
const CURRENT_ORG = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;
const CURRENT_COMPANY = `NULLIF(current_setting('app.company_id', true), '')::uuid`;

/**
 * Hand-written: what entities cannot express. Row-level security keyed on the transaction's tenant
 * settings (the second lock behind TenantRepository), privileges of the application role, and the
 * accent-insensitive trigram index behind account search.
 */
export class TenancyAndSearch1763900000001 implements MigrationInterface {
  name = 'TenancyAndSearch1763900000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    // Function bodies name their schema: PostgreSQL 17 runs index expressions with a restricted
    // search_path during CREATE INDEX, ANALYZE and VACUUM.
    await q.query(`CREATE OR REPLACE FUNCTION comptoir_fold(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`);
    await q.query(`CREATE OR REPLACE FUNCTION crm_account_search_text(name text, email text, siren text, external_ref text, city text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT public.comptoir_fold(concat_ws(' ', name, email, siren, external_ref, city)) $$`);
    await q.query(`CREATE INDEX ix_accounts_search ON accounts USING gin
      (crm_account_search_text(name, email, siren, external_ref, billing_address->>'city') gin_trgm_ops) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX ix_accounts_roles ON accounts USING gin (roles) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX ix_accounts_tags ON accounts USING gin (tags) WHERE deleted_at IS NULL`);

    await q.query(`ALTER TABLE organizations ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON organizations USING (id = ${CURRENT_ORG})`);
    for (const table of ORG_TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (organization_id = ${CURRENT_ORG})`);
    }
    for (const table of COMPANY_TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (organization_id = ${CURRENT_ORG} AND company_id = ${CURRENT_COMPANY})`);
    }

    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO comptoir_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO comptoir_app`);
    // The audit trail is append-only for the application.
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_entries FROM comptoir_app`);
    await q.query(`REVOKE ALL ON schema_migrations FROM comptoir_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['organizations', ...ORG_TABLES, ...COMPANY_TABLES]) {
      await q.query(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`DROP INDEX IF EXISTS ix_accounts_tags`);
    await q.query(`DROP INDEX IF EXISTS ix_accounts_roles`);
    await q.query(`DROP INDEX IF EXISTS ix_accounts_search`);
    await q.query(`DROP FUNCTION IF EXISTS crm_account_search_text(text, text, text, text, text)`);
    await q.query(`DROP FUNCTION IF EXISTS comptoir_fold(text)`);
  }
}
