// Deposit invoices: a final invoice deducts each deposit invoice with negative lines pointing at it
// (deposit_invoice_id, indexed: "is this deposit already deducted?"), and payment terms gain the
// early-payment discount option. The line column is written on drafts only, which the lines guard of
// the Billing migration already enforces; the discount is a legal mention, frozen once validated by a
// trigger of its own (the Billing guard lists its legal columns by name).
import { MigrationInterface, QueryRunner } from "typeorm";

export class Deposits1795492100000 implements MigrationInterface {
    name = 'Deposits1795492100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "sales_document_lines" ADD "deposit_invoice_id" uuid`);
        await queryRunner.query(`ALTER TABLE "sales_documents" ADD "early_payment_discount" jsonb`);
        await queryRunner.query(`CREATE INDEX "ix_sales_document_lines_deposit" ON "sales_document_lines"  ("company_id", "deposit_invoice_id") WHERE deposit_invoice_id IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "sales_document_lines" ADD CONSTRAINT "fk_sales_document_lines_deposit_invoice" FOREIGN KEY ("company_id", "deposit_invoice_id") REFERENCES "sales_documents"("company_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`
            CREATE FUNCTION sales_documents_discount_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF OLD.status <> 'draft' AND NEW.early_payment_discount IS DISTINCT FROM OLD.early_payment_discount THEN
                    RAISE EXCEPTION 'sales document % is %: its legal fields are frozen', OLD.id, OLD.status USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER sales_documents_discount_guard BEFORE UPDATE ON sales_documents FOR EACH ROW EXECUTE FUNCTION sales_documents_discount_guard()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER sales_documents_discount_guard ON sales_documents`);
        await queryRunner.query(`DROP FUNCTION sales_documents_discount_guard()`);
        await queryRunner.query(`ALTER TABLE "sales_document_lines" DROP CONSTRAINT "fk_sales_document_lines_deposit_invoice"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sales_document_lines_deposit"`);
        await queryRunner.query(`ALTER TABLE "sales_documents" DROP COLUMN "early_payment_discount"`);
        await queryRunner.query(`ALTER TABLE "sales_document_lines" DROP COLUMN "deposit_invoice_id"`);
    }
}
