// Catalog tables (VAT rates, products and their suppliers, price lists and their assignment to accounts,
// customer prices). Generated from the entities, then completed by hand: row-level security on every
// table, and the accent-insensitive product search (trigger-kept search_text + trigram index, as for accounts).
// VAT rates are not seeded here: ensureDefaultVatRates (libs/catalog) gives each company the French
// rates on first use, which covers companies created before and after this migration alike.
import { MigrationInterface, QueryRunner } from "typeorm";

const CATALOG_TABLES = ['vat_rates', 'products', 'product_suppliers', 'price_lists', 'price_list_items', 'customer_price_lists', 'customer_prices'];
const CURRENT_ORG = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;
const CURRENT_COMPANY = `NULLIF(current_setting('app.company_id', true), '')::uuid`;

export class Catalog1795480000000 implements MigrationInterface {
    name = 'Catalog1795480000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "customer_prices" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "account_id" uuid NOT NULL, "product_id" uuid NOT NULL, "unit_price" numeric(19,4), "discount_percent" numeric(5,2), "valid_from" date, "valid_to" date, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_customer_prices_company_id" UNIQUE ("company_id", "id"), CONSTRAINT "ck_customer_prices_period" CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to), CONSTRAINT "ck_customer_prices_one_price" CHECK ((unit_price IS NULL) <> (discount_percent IS NULL)), CONSTRAINT "PK_df67f0c7dac35e5ebfbeaa77026" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_customer_prices_company_created" ON "customer_prices"  ("company_id", "created_at", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_customer_prices_company_updated" ON "customer_prices"  ("company_id", "updated_at", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_customer_prices_account_product" ON "customer_prices"  ("company_id", "account_id", "product_id") `);
        await queryRunner.query(`CREATE TABLE "customer_price_lists" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "account_id" uuid NOT NULL, "price_list_id" uuid NOT NULL, "assigned_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f25c66c9bc3967fd0513bd5fc5f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_customer_price_lists_list" ON "customer_price_lists"  ("company_id", "price_list_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_customer_price_lists_account" ON "customer_price_lists"  ("company_id", "account_id") `);
        await queryRunner.query(`CREATE TABLE "price_lists" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "currency" character(3) NOT NULL, "valid_from" date, "valid_to" date, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_price_lists_company_id" UNIQUE ("company_id", "id"), CONSTRAINT "ck_price_lists_period" CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to), CONSTRAINT "PK_fd66ee20b065696da25c97fa45a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_price_lists_company_updated" ON "price_lists"  ("company_id", "updated_at", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_price_lists_company_name" ON "price_lists"  ("company_id", "name", "id") `);
        await queryRunner.query(`CREATE TABLE "price_list_items" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "price_list_id" uuid NOT NULL, "product_id" uuid NOT NULL, "unit_price" numeric(19,4), "discount_percent" numeric(5,2), CONSTRAINT "ck_price_list_items_one_price" CHECK ((unit_price IS NULL) <> (discount_percent IS NULL)), CONSTRAINT "PK_cdb44449658589feac39de86695" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_price_list_items_product" ON "price_list_items"  ("company_id", "product_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_price_list_items_product" ON "price_list_items"  ("company_id", "price_list_id", "product_id") `);
        await queryRunner.query(`CREATE TABLE "products" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "reference" character varying(50) NOT NULL, "name" character varying(200) NOT NULL, "description" text, "type" character varying(10) NOT NULL, "unit" character varying(20) NOT NULL, "unit_price" numeric(19,4) NOT NULL, "vat_rate_id" uuid NOT NULL, "cost_price" numeric(19,4), "ean" character varying(13), "image_url" character varying(500), "stock_managed" boolean NOT NULL DEFAULT false, "reorder_threshold" numeric(19,4), "other_taxes" jsonb NOT NULL DEFAULT '[]', "sales_account" character varying(20), "purchase_account" character varying(20), "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "search_text" text NOT NULL DEFAULT '', CONSTRAINT "uq_products_company_id" UNIQUE ("company_id", "id"), CONSTRAINT "PK_0806c755e0aca124e67c0cf6d7d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_products_company_ean" ON "products"  ("company_id", "ean") WHERE ean IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "ix_products_company_created" ON "products"  ("company_id", "created_at", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_products_company_updated" ON "products"  ("company_id", "updated_at", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_products_company_name" ON "products"  ("company_id", "name", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_products_company_reference" ON "products"  ("company_id", "reference") `);
        await queryRunner.query(`CREATE TABLE "vat_rates" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "country" character(2) NOT NULL, "rate" numeric(5,2) NOT NULL, "category" character varying(2) NOT NULL, "exemption_reason" character varying(200), "label" character varying(100) NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_vat_rates_company_id" UNIQUE ("company_id", "id"), CONSTRAINT "PK_e02b6a93f41d6d7f5f2fa1df535" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_vat_rates_company_updated" ON "vat_rates"  ("company_id", "updated_at", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_vat_rates_company_rate" ON "vat_rates"  ("company_id", "country", "rate", "category") `);
        await queryRunner.query(`CREATE TABLE "product_suppliers" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "company_id" uuid NOT NULL, "product_id" uuid NOT NULL, "supplier_account_id" uuid NOT NULL, "position" smallint NOT NULL, "supplier_price" numeric(19,4) NOT NULL, "supplier_reference" character varying(50), "minimum_order_quantity" numeric(19,4), CONSTRAINT "PK_96f9e4cfe1a097fdd2a9a67257a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_product_suppliers_supplier" ON "product_suppliers"  ("company_id", "supplier_account_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_product_suppliers_product_supplier" ON "product_suppliers"  ("company_id", "product_id", "supplier_account_id") `);
        await queryRunner.query(`CREATE INDEX "ix_product_suppliers_product" ON "product_suppliers"  ("company_id", "product_id", "position") `);
        await queryRunner.query(`ALTER TABLE "customer_prices" ADD CONSTRAINT "fk_customer_prices_product" FOREIGN KEY ("company_id", "product_id") REFERENCES "products"("company_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "customer_prices" ADD CONSTRAINT "fk_customer_prices_account" FOREIGN KEY ("company_id", "account_id") REFERENCES "accounts"("company_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "customer_price_lists" ADD CONSTRAINT "fk_customer_price_lists_list" FOREIGN KEY ("company_id", "price_list_id") REFERENCES "price_lists"("company_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "customer_price_lists" ADD CONSTRAINT "fk_customer_price_lists_account" FOREIGN KEY ("company_id", "account_id") REFERENCES "accounts"("company_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "price_lists" ADD CONSTRAINT "fk_price_lists_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "price_list_items" ADD CONSTRAINT "fk_price_list_items_product" FOREIGN KEY ("company_id", "product_id") REFERENCES "products"("company_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "price_list_items" ADD CONSTRAINT "fk_price_list_items_list" FOREIGN KEY ("company_id", "price_list_id") REFERENCES "price_lists"("company_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "products" ADD CONSTRAINT "fk_products_vat_rate" FOREIGN KEY ("company_id", "vat_rate_id") REFERENCES "vat_rates"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "products" ADD CONSTRAINT "fk_products_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vat_rates" ADD CONSTRAINT "fk_vat_rates_company" FOREIGN KEY ("organization_id", "company_id") REFERENCES "companies"("organization_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "product_suppliers" ADD CONSTRAINT "fk_product_suppliers_account" FOREIGN KEY ("company_id", "supplier_account_id") REFERENCES "accounts"("company_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "product_suppliers" ADD CONSTRAINT "fk_product_suppliers_product" FOREIGN KEY ("company_id", "product_id") REFERENCES "products"("company_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`);

        // Hand-written. Product search: folded reference, name and EAN kept by a trigger, trigram-indexed.
        await queryRunner.query(`CREATE FUNCTION catalog_product_search_text(reference text, name text, ean text) RETURNS text
          LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT public.comptoir_fold(concat_ws(' ', reference, name, ean)) $$`);
        await queryRunner.query(`CREATE FUNCTION catalog_products_set_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            NEW.search_text := public.catalog_product_search_text(NEW.reference, NEW.name, NEW.ean);
            RETURN NEW;
          END $$`);
        await queryRunner.query(`CREATE TRIGGER products_search_text BEFORE INSERT OR UPDATE OF reference, name, ean
          ON products FOR EACH ROW EXECUTE FUNCTION catalog_products_set_search_text()`);
        await queryRunner.query(`CREATE INDEX ix_products_search ON products USING gin (search_text gin_trgm_ops)`);

        // Row-level security: the second lock behind TenantRepository (1763900000001-TenancyAndSearch).
        // Privileges of comptoir_app come from the default privileges granted there.
        for (const table of CATALOG_TABLES) {
            await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
            await queryRunner.query(`CREATE POLICY tenant_isolation ON ${table} USING (organization_id = ${CURRENT_ORG} AND company_id = ${CURRENT_COMPANY})`);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of CATALOG_TABLES) await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`);
        await queryRunner.query(`DROP INDEX IF EXISTS ix_products_search`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS products_search_text ON products`);
        await queryRunner.query(`DROP FUNCTION IF EXISTS catalog_products_set_search_text()`);
        await queryRunner.query(`DROP FUNCTION IF EXISTS catalog_product_search_text(text, text, text)`);
        await queryRunner.query(`ALTER TABLE "product_suppliers" DROP CONSTRAINT "fk_product_suppliers_product"`);
        await queryRunner.query(`ALTER TABLE "product_suppliers" DROP CONSTRAINT "fk_product_suppliers_account"`);
        await queryRunner.query(`ALTER TABLE "vat_rates" DROP CONSTRAINT "fk_vat_rates_company"`);
        await queryRunner.query(`ALTER TABLE "products" DROP CONSTRAINT "fk_products_company"`);
        await queryRunner.query(`ALTER TABLE "products" DROP CONSTRAINT "fk_products_vat_rate"`);
        await queryRunner.query(`ALTER TABLE "price_list_items" DROP CONSTRAINT "fk_price_list_items_list"`);
        await queryRunner.query(`ALTER TABLE "price_list_items" DROP CONSTRAINT "fk_price_list_items_product"`);
        await queryRunner.query(`ALTER TABLE "price_lists" DROP CONSTRAINT "fk_price_lists_company"`);
        await queryRunner.query(`ALTER TABLE "customer_price_lists" DROP CONSTRAINT "fk_customer_price_lists_account"`);
        await queryRunner.query(`ALTER TABLE "customer_price_lists" DROP CONSTRAINT "fk_customer_price_lists_list"`);
        await queryRunner.query(`ALTER TABLE "customer_prices" DROP CONSTRAINT "fk_customer_prices_account"`);
        await queryRunner.query(`ALTER TABLE "customer_prices" DROP CONSTRAINT "fk_customer_prices_product"`);
        await queryRunner.query(`DROP INDEX "public"."ix_product_suppliers_product"`);
        await queryRunner.query(`DROP INDEX "public"."uq_product_suppliers_product_supplier"`);
        await queryRunner.query(`DROP INDEX "public"."ix_product_suppliers_supplier"`);
        await queryRunner.query(`DROP TABLE "product_suppliers"`);
        await queryRunner.query(`DROP INDEX "public"."uq_vat_rates_company_rate"`);
        await queryRunner.query(`DROP INDEX "public"."ix_vat_rates_company_updated"`);
        await queryRunner.query(`DROP TABLE "vat_rates"`);
        await queryRunner.query(`DROP INDEX "public"."uq_products_company_reference"`);
        await queryRunner.query(`DROP INDEX "public"."ix_products_company_name"`);
        await queryRunner.query(`DROP INDEX "public"."ix_products_company_updated"`);
        await queryRunner.query(`DROP INDEX "public"."ix_products_company_created"`);
        await queryRunner.query(`DROP INDEX "public"."ix_products_company_ean"`);
        await queryRunner.query(`DROP TABLE "products"`);
        await queryRunner.query(`DROP INDEX "public"."uq_price_list_items_product"`);
        await queryRunner.query(`DROP INDEX "public"."ix_price_list_items_product"`);
        await queryRunner.query(`DROP TABLE "price_list_items"`);
        await queryRunner.query(`DROP INDEX "public"."ix_price_lists_company_name"`);
        await queryRunner.query(`DROP INDEX "public"."ix_price_lists_company_updated"`);
        await queryRunner.query(`DROP TABLE "price_lists"`);
        await queryRunner.query(`DROP INDEX "public"."uq_customer_price_lists_account"`);
        await queryRunner.query(`DROP INDEX "public"."ix_customer_price_lists_list"`);
        await queryRunner.query(`DROP TABLE "customer_price_lists"`);
        await queryRunner.query(`DROP INDEX "public"."ix_customer_prices_account_product"`);
        await queryRunner.query(`DROP INDEX "public"."ix_customer_prices_company_updated"`);
        await queryRunner.query(`DROP INDEX "public"."ix_customer_prices_company_created"`);
        await queryRunner.query(`DROP TABLE "customer_prices"`);
    }

}
