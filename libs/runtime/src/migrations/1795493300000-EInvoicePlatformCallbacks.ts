// Platform callbacks arrive without credentials, naming flows by the platform's ref: the security
// definer einvoice_platform_flows() tells which tenant's e-invoices they are (and nothing else), so
// the callback can be verified with that company's secret and applied under its row-level security.
import { MigrationInterface, QueryRunner } from "typeorm";

export class EInvoicePlatformCallbacks1795493300000 implements MigrationInterface {
    name = 'EInvoicePlatformCallbacks1795493300000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "ix_einvoices_platform_ref" ON "einvoices" ("platform", "platform_ref") WHERE platform_ref IS NOT NULL`);
        await queryRunner.query(`
            CREATE FUNCTION einvoice_platform_flows(platform_name text, refs text[])
            RETURNS TABLE (organization_id uuid, company_id uuid, einvoice_id uuid, platform_ref text)
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
                SELECT e.organization_id, e.company_id, e.id, e.platform_ref::text FROM einvoices e
                WHERE e.platform = platform_name AND e.platform_ref = ANY (refs)
            $$`);
        await queryRunner.query(`REVOKE ALL ON FUNCTION einvoice_platform_flows(text, text[]) FROM PUBLIC`);
        await queryRunner.query(`GRANT EXECUTE ON FUNCTION einvoice_platform_flows(text, text[]) TO comptoir_app`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP FUNCTION einvoice_platform_flows(text, text[])`);
        await queryRunner.query(`DROP INDEX "public"."ix_einvoices_platform_ref"`);
    }
}
