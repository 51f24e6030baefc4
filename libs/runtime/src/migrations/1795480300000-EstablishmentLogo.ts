import { MigrationInterface, QueryRunner } from 'typeorm';

/** An establishment's logo (a PNG or JPEG data URL) printed on its documents. */
export class EstablishmentLogo1795480300000 implements MigrationInterface {
  name = 'EstablishmentLogo1795480300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "establishments" ADD "logo" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "establishments" DROP COLUMN "logo"`);
  }
}
