// Sales documents (quotes, orders, delivery notes, invoices and credit notes), their lines and links,
// and the billing settings; row-level security like every tenant table; triggers that freeze the
// legal fields of validated documents and the lines of non-drafts at the database level.
import { MigrationInterface, QueryRunner } from "typeorm";

const CURRENT_ORG = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;
const CURRENT_COMPANY = `NULLIF(current_setting('app.company_id', true), '')::uuid`;
const TABLES = ['sales_documents', 'sales_document_lines', 'sales_document_links', 'billing_settings'];

/** Columns that may never change once a document has left the draft status. */
const LEGAL_COLUMNS = [
    'number', 'date', 'type', 'kind', 'account_id', 'contact_id', 'currency', 'establishment_id', 'credited_invoice_id', 'test_mode',
    'net', 'vat_total', 'gross', 'prepaid', 'due', 'totals', 'snapshot', 'billing_address', 'seller_vat_number', 'buyer_vat_number',
    'due_date', 'payment_terms', 'schedule', 'general_discount', 'shipping', 'validated_at',
];

export class Billing1795480200000 implements MigrationInterface {
    name = 'Billing1795480200000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "billing_settings" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "late_penalty_text" text NOT NULL, "early_payment_text" text NOT NULL, "terms_of_sale" text, "payment_terms" jsonb NOT NULL DEFAULT '[]', "pdf_options" jsonb NOT NULL, "vat_on_debits" boolean NOT NULL DEFAULT false, "quote_validity_days" smallint NOT NULL DEFAULT '30', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_billing_settings_company" UNIQUE ("company_id"), CONSTRAINT "PK_50de306c9059fe5297a3483516a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "sales_document_lines" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "document_id" uuid NOT NULL, "position" integer NOT NULL, "kind" character varying(20) NOT NULL DEFAULT 'item', "product_id" uuid, "product_type" character varying(10), "reference" character varying(100), "description" text NOT NULL, "quantity" numeric(19,4) NOT NULL DEFAULT '0', "unit" character varying(20), "unit_price" numeric(19,4) NOT NULL DEFAULT '0', "discount_percent" numeric(7,4), "vat_rate" numeric(5,2) NOT NULL DEFAULT '0', "vat_category" character varying(2) NOT NULL DEFAULT 'S', "vat_exemption_reason" character varying(300), "other_taxes" jsonb NOT NULL DEFAULT '[]', "availability_date" date, "net" numeric(19,2) NOT NULL DEFAULT '0', "source_line_id" uuid, CONSTRAINT "PK_801d4b8a05b43ade5179c19ec30" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_sales_document_lines_source" ON "sales_document_lines"  ("company_id", "source_line_id") WHERE source_line_id IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "ix_sales_document_lines_document" ON "sales_document_lines"  ("company_id", "document_id", "position") `);
        await queryRunner.query(`CREATE TABLE "sales_document_links" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "parent_id" uuid NOT NULL, "child_id" uuid NOT NULL, "relation" character varying(20) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_sales_document_links" UNIQUE ("company_id", "parent_id", "child_id"), CONSTRAINT "PK_d91e2b64157d0b8582c17bb61b2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_sales_document_links_child" ON "sales_document_links"  ("company_id", "child_id") `);
        await queryRunner.query(`CREATE TABLE "sales_documents" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "type" character varying(20) NOT NULL, "kind" character varying(20), "status" character varying(20) NOT NULL DEFAULT 'draft', "number" character varying(60), "establishment_id" uuid NOT NULL, "currency" character(3) NOT NULL, "account_id" uuid NOT NULL, "contact_id" uuid, "title" character varying(200), "date" date NOT NULL, "validity_date" date, "delivery_date" date, "due_date" date, "payment_method" character varying(20), "payment_terms" jsonb NOT NULL DEFAULT '[]', "schedule" jsonb NOT NULL DEFAULT '[]', "assigned_user_id" uuid, "internal_note" text, "billing_address" jsonb, "delivery_address" jsonb, "delivery_attention" character varying(200), "seller_vat_number" character varying(20), "buyer_vat_number" character varying(20), "terms_of_sale" text, "special_terms" text, "pdf_options" jsonb NOT NULL, "general_discount" jsonb, "shipping" jsonb, "proforma" boolean NOT NULL DEFAULT false, "test_mode" boolean NOT NULL DEFAULT false, "revision" smallint NOT NULL DEFAULT '1', "revision_of" uuid, "net" numeric(19,2) NOT NULL DEFAULT '0', "vat_total" numeric(19,2) NOT NULL DEFAULT '0', "gross" numeric(19,2) NOT NULL DEFAULT '0', "prepaid" numeric(19,2) NOT NULL DEFAULT '0', "due" numeric(19,2) NOT NULL DEFAULT '0', "totals" jsonb NOT NULL, "snapshot" jsonb, "validated_at" TIMESTAMP WITH TIME ZONE, "validated_by" uuid, "credited_invoice_id" uuid, "pdf_key" character varying(512), "pdf_sha256" character(64), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_sales_documents_company_id" UNIQUE ("company_id", "id"), CONSTRAINT "PK_226915ecbafa495f68b826c443b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_sales_documents_credited" ON "sales_documents"  ("company_id", "credited_invoice_id") WHERE credited_invoice_id IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "ix_sales_documents_number" ON "sales_documents"  ("company_id", "number") WHERE number IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "ix_sales_documents_account" ON "sales_documents"  ("company_id", "account_id") `);
        await queryRunner.query(`CREATE INDEX "ix_sales_documents_type_created" ON "sales_documents"  ("company_id", "type", "created_at", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_sales_documents_type_updated" ON "sales_documents"  ("company_id", "type", "updated_at", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_sales_documents_type_date" ON "sales_documents"  ("company_id", "type", "date", "id") `);
        await queryRunner.query(`ALTER TABLE "billing_settings" ADD CONSTRAINT "fk_billing_settings_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sales_document_lines" ADD CONSTRAINT "fk_sales_document_lines_document" FOREIGN KEY ("company_id", "document_id") REFERENCES "sales_documents"("company_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sales_document_links" ADD CONSTRAINT "fk_sales_document_links_child" FOREIGN KEY ("company_id", "child_id") REFERENCES "sales_documents"("company_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sales_document_links" ADD CONSTRAINT "fk_sales_document_links_parent" FOREIGN KEY ("company_id", "parent_id") REFERENCES "sales_documents"("company_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sales_documents" ADD CONSTRAINT "fk_sales_documents_credited_invoice" FOREIGN KEY ("company_id", "credited_invoice_id") REFERENCES "sales_documents"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sales_documents" ADD CONSTRAINT "fk_sales_documents_contact" FOREIGN KEY ("company_id", "contact_id") REFERENCES "contacts"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sales_documents" ADD CONSTRAINT "fk_sales_documents_account" FOREIGN KEY ("company_id", "account_id") REFERENCES "accounts"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sales_documents" ADD CONSTRAINT "fk_sales_documents_establishment" FOREIGN KEY ("company_id", "establishment_id") REFERENCES "establishments"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sales_documents" ADD CONSTRAINT "fk_sales_documents_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);

        for (const table of TABLES) {
            await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
            await queryRunner.query(`CREATE POLICY tenant_isolation ON ${table} USING (organization_id = ${CURRENT_ORG} AND company_id = ${CURRENT_COMPANY})`);
        }
        await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${TABLES.join(', ')} TO comptoir_app`);
        // A validated document keeps its legal fields and never returns to draft; its original PDF is
        // recorded once; only drafts are deleted. The application checks all this first (409
        // document_locked): the trigger is the backstop against a bug or a hand-written UPDATE.
        await queryRunner.query(`
            CREATE FUNCTION sales_documents_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    IF OLD.status <> 'draft' THEN
                        RAISE EXCEPTION 'sales document % is %: only drafts can be deleted', OLD.id, OLD.status USING ERRCODE = 'integrity_constraint_violation';
                    END IF;
                    RETURN OLD;
                END IF;
                IF OLD.status <> 'draft' AND (
                    NEW.status = 'draft'
                    OR ${LEGAL_COLUMNS.map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ')}
                    OR (OLD.pdf_key IS NOT NULL AND NEW.pdf_key IS DISTINCT FROM OLD.pdf_key)
                    OR (OLD.pdf_sha256 IS NOT NULL AND NEW.pdf_sha256 IS DISTINCT FROM OLD.pdf_sha256)
                ) THEN
                    RAISE EXCEPTION 'sales document % is %: its legal fields are frozen', OLD.id, OLD.status USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER sales_documents_guard BEFORE UPDATE OR DELETE ON sales_documents FOR EACH ROW EXECUTE FUNCTION sales_documents_guard()`);
        // Lines change only while their document is a draft (a parent already deleted by the cascade reads as absent).
        await queryRunner.query(`
            CREATE FUNCTION sales_document_lines_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                parent_status text;
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    SELECT status INTO parent_status FROM sales_documents WHERE id = OLD.document_id AND company_id = OLD.company_id;
                    IF parent_status IS NOT NULL AND parent_status <> 'draft' THEN
                        RAISE EXCEPTION 'sales document % is %: its lines are frozen', OLD.document_id, parent_status USING ERRCODE = 'integrity_constraint_violation';
                    END IF;
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    SELECT status INTO parent_status FROM sales_documents WHERE id = NEW.document_id AND company_id = NEW.company_id;
                    IF parent_status IS NOT NULL AND parent_status <> 'draft' THEN
                        RAISE EXCEPTION 'sales document % is %: its lines are frozen', NEW.document_id, parent_status USING ERRCODE = 'integrity_constraint_violation';
                    END IF;
                    RETURN NEW;
                END IF;
                RETURN OLD;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER sales_document_lines_guard BEFORE INSERT OR UPDATE OR DELETE ON sales_document_lines FOR EACH ROW EXECUTE FUNCTION sales_document_lines_guard()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER sales_document_lines_guard ON sales_document_lines`);
        await queryRunner.query(`DROP FUNCTION sales_document_lines_guard()`);
        await queryRunner.query(`DROP TRIGGER sales_documents_guard ON sales_documents`);
        await queryRunner.query(`DROP FUNCTION sales_documents_guard()`);
        for (const table of TABLES) await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`);
        await queryRunner.query(`ALTER TABLE "sales_documents" DROP CONSTRAINT "fk_sales_documents_company"`);
        await queryRunner.query(`ALTER TABLE "sales_documents" DROP CONSTRAINT "fk_sales_documents_establishment"`);
        await queryRunner.query(`ALTER TABLE "sales_documents" DROP CONSTRAINT "fk_sales_documents_account"`);
        await queryRunner.query(`ALTER TABLE "sales_documents" DROP CONSTRAINT "fk_sales_documents_contact"`);
        await queryRunner.query(`ALTER TABLE "sales_documents" DROP CONSTRAINT "fk_sales_documents_credited_invoice"`);
        await queryRunner.query(`ALTER TABLE "sales_document_links" DROP CONSTRAINT "fk_sales_document_links_parent"`);
        await queryRunner.query(`ALTER TABLE "sales_document_links" DROP CONSTRAINT "fk_sales_document_links_child"`);
        await queryRunner.query(`ALTER TABLE "sales_document_lines" DROP CONSTRAINT "fk_sales_document_lines_document"`);
        await queryRunner.query(`ALTER TABLE "billing_settings" DROP CONSTRAINT "fk_billing_settings_company"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sales_documents_type_date"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sales_documents_type_updated"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sales_documents_type_created"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sales_documents_account"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sales_documents_number"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sales_documents_credited"`);
        await queryRunner.query(`DROP TABLE "sales_documents"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sales_document_links_child"`);
        await queryRunner.query(`DROP TABLE "sales_document_links"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sales_document_lines_document"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sales_document_lines_source"`);
        await queryRunner.query(`DROP TABLE "sales_document_lines"`);
        await queryRunner.query(`DROP TABLE "billing_settings"`);
    }

}
