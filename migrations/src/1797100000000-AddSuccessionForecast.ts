import { MigrationInterface, QueryRunner } from 'typeorm';

const TODAY = `(now() AT TIME ZONE 'UTC')::date`;

// The seat history follows the positions: a new incumbent ends the last one's tenure (the seat opened) and
// starts their own; a seat deleted ends it without an opening; a seat redefined (another role or school) with
// the same incumbent ends it without an opening and carries the incumbent's start over.
const FOLLOW = `
CREATE FUNCTION seat_tenures_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  redefined boolean := TG_OP = 'UPDATE' AND (NEW.role_id <> OLD.role_id OR NEW.school_id IS DISTINCT FROM OLD.school_id);
  replaced boolean := TG_OP = 'UPDATE' AND NEW.incumbent_educator_id IS DISTINCT FROM OLD.incumbent_educator_id;
  since date;
BEGIN
  IF TG_OP = 'DELETE' OR redefined OR replaced THEN
    UPDATE seat_tenures SET ended_on = GREATEST(started_on, ${TODAY}),
           ended_by = CASE WHEN replaced THEN 'vacated' ELSE 'seat_removed' END
     WHERE position_id = OLD.id AND ended_on IS NULL
    RETURNING started_on INTO since;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  IF NEW.incumbent_educator_id IS NOT NULL AND (TG_OP = 'INSERT' OR redefined OR replaced) THEN
    INSERT INTO seat_tenures (district_id, position_id, role_id, school_id, educator_id, started_on)
    VALUES (NEW.district_id, NEW.id, NEW.role_id, NEW.school_id, NEW.incumbent_educator_id,
            CASE WHEN TG_OP = 'INSERT' THEN LEAST(${TODAY}, COALESCE((NEW.filled_at AT TIME ZONE 'UTC')::date, ${TODAY}))
                 WHEN NOT replaced THEN COALESCE(since, ${TODAY})
                 ELSE ${TODAY} END);
  END IF;
  RETURN NULL;
END $$;`;

/**
 * Succession planning (issue #18): retirement data on the roster, the district's pension rules, and the seat
 * history the vacancy forecast learns from (docs/forecast.md).
 */
export class AddSuccessionForecast1797100000000 implements MigrationInterface {
  name = 'AddSuccessionForecast1797100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "districts" ADD "pension_rules" jsonb');
    await queryRunner.query(
      'ALTER TABLE "districts" ADD "seat_history_since" date NOT NULL DEFAULT (\'now\'::text)::date',
    );
    await queryRunner.query('ALTER TABLE "educators" ADD "birth_year" integer');
    await queryRunner.query('ALTER TABLE "educators" ADD "service_start_on" date');
    await queryRunner.query(
      'ALTER TABLE "educators" ADD CONSTRAINT "ck_educators_birth_year" CHECK ("birth_year" IS NULL OR "birth_year" BETWEEN 1900 AND 2100)',
    );
    // position_id is no foreign key: the history of a seat outlives the seat.
    await queryRunner.query(`CREATE TABLE "seat_tenures" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "position_id" uuid NOT NULL,
      "role_id" uuid NOT NULL, "school_id" uuid, "educator_id" uuid, "started_on" date NOT NULL, "ended_on" date,
      "ended_by" text,
      CONSTRAINT "pk_seat_tenures" PRIMARY KEY ("id"),
      CONSTRAINT "ck_seat_tenures_dates" CHECK ("ended_on" IS NULL OR "ended_on" >= "started_on"),
      CONSTRAINT "ck_seat_tenures_ended_by" CHECK (("ended_on" IS NULL AND "ended_by" IS NULL)
        OR ("ended_on" IS NOT NULL AND "ended_by" IN ('vacated', 'seat_removed'))),
      CONSTRAINT "fk_seat_tenures_district" FOREIGN KEY ("district_id") REFERENCES "districts" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_seat_tenures_role" FOREIGN KEY ("role_id") REFERENCES "leadership_roles" ("id"),
      CONSTRAINT "fk_seat_tenures_school" FOREIGN KEY ("school_id") REFERENCES "schools" ("id"),
      CONSTRAINT "fk_seat_tenures_educator" FOREIGN KEY ("educator_id") REFERENCES "educators" ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_seat_tenures_district" ON "seat_tenures" ("district_id", "started_on")`);
    await queryRunner.query(`CREATE INDEX "ix_seat_tenures_educator" ON "seat_tenures" ("educator_id")`);
    await queryRunner.query(`CREATE INDEX "ix_seat_tenures_role" ON "seat_tenures" ("role_id")`);
    await queryRunner.query(`CREATE INDEX "ix_seat_tenures_school" ON "seat_tenures" ("school_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_seat_tenures_open" ON "seat_tenures" ("position_id") WHERE "ended_on" IS NULL`,
    );
    await queryRunner.query(FOLLOW);
    await queryRunner.query(
      `CREATE TRIGGER seat_tenures_follow AFTER INSERT OR UPDATE ON "positions" FOR EACH ROW EXECUTE FUNCTION seat_tenures_follow()`,
    );
    // Before the delete, so that the tenure is closed while the position still names it.
    await queryRunner.query(
      `CREATE TRIGGER seat_tenures_follow_delete BEFORE DELETE ON "positions" FOR EACH ROW EXECUTE FUNCTION seat_tenures_follow()`,
    );
    // Today's incumbents, from the day they were placed (or the seat's creation): earlier holders are unknown,
    // so the history is complete only from today (districts.seat_history_since).
    await queryRunner.query(`INSERT INTO "seat_tenures" (district_id, position_id, role_id, school_id, educator_id, started_on)
      SELECT district_id, id, role_id, school_id, incumbent_educator_id,
             LEAST(${TODAY}, (COALESCE(filled_at, created_at) AT TIME ZONE 'UTC')::date)
        FROM "positions" WHERE incumbent_educator_id IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER seat_tenures_follow_delete ON "positions"');
    await queryRunner.query('DROP TRIGGER seat_tenures_follow ON "positions"');
    await queryRunner.query('DROP FUNCTION seat_tenures_follow()');
    await queryRunner.query('DROP TABLE "seat_tenures"');
    await queryRunner.query('ALTER TABLE "educators" DROP CONSTRAINT "ck_educators_birth_year"');
    await queryRunner.query('ALTER TABLE "educators" DROP COLUMN "service_start_on"');
    await queryRunner.query('ALTER TABLE "educators" DROP COLUMN "birth_year"');
    await queryRunner.query('ALTER TABLE "districts" DROP COLUMN "seat_history_since"');
    await queryRunner.query('ALTER TABLE "districts" DROP COLUMN "pension_rules"');
  }
}
