import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each educator's disclosure key (docs/metrics.md, "Disclosure control"): a fixed random number that no
 * route returns. An equity cell's perturbation is drawn from the sum of the keys of the people in it, so the
 * same people always get the same answer and a different set gets a fresh draw. Kept out of `educators` so
 * the audit trigger never logs it and no roster read can select it by accident.
 *
 * The set-based definition for loads that skip triggers (the scale generator): one key per educator.
 */
export const DISCLOSURE_KEYS_INSERT = `
  INSERT INTO disclosure_keys (educator_id, key)
  SELECT id, floor(random() * 2147483647)::int FROM educators
  ON CONFLICT (educator_id) DO NOTHING`;

const FUNCTION = `
CREATE FUNCTION disclosure_keys_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO disclosure_keys (educator_id, key) SELECT id, floor(random() * 2147483647)::int FROM new_rows;
  RETURN NULL;
END $$;`;

export class AddDisclosureKeys1795750000000 implements MigrationInterface {
  name = 'AddDisclosureKeys1795750000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "disclosure_keys" ("educator_id" uuid NOT NULL, "key" integer NOT NULL,
        CONSTRAINT "pk_disclosure_keys" PRIMARY KEY ("educator_id"),
        CONSTRAINT "fk_disclosure_keys_educator" FOREIGN KEY ("educator_id") REFERENCES "educators"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(FUNCTION);
    await queryRunner.query(
      `CREATE TRIGGER disclosure_keys_insert AFTER INSERT ON "educators" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION disclosure_keys_add()`,
    );
    await queryRunner.query(DISCLOSURE_KEYS_INSERT);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER disclosure_keys_insert ON "educators"');
    await queryRunner.query('DROP FUNCTION disclosure_keys_add()');
    await queryRunner.query('DROP TABLE "disclosure_keys"');
  }
}
