// At most one primary contact per account: the backstop behind ContactService's lock.
import { MigrationInterface, QueryRunner } from "typeorm";

export class ContactPrimary1795475498336 implements MigrationInterface {
    name = 'ContactPrimary1795475498336'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_contacts_account_primary" ON "contacts"  ("company_id", "account_id") WHERE is_primary`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."uq_contacts_account_primary"`);
    }

}
