import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a seat opens: never while vacant, else its projected date, else July 1 of the incumbent's retirement year. */
const OPENS_ON = (status: string, projected: string, retires: string) =>
  `CASE WHEN ${status} = 'vacant' THEN NULL ELSE COALESCE(${projected}, make_date(${retires}, 7, 1)) END`;

/**
 * Sort keys: a copy, on the listed table, of what its lists sort by from another table (a school's name, a
 * role's title and level, an incumbent's name, a seat's opening date), with an index, so a page sorted by it
 * is read from the index instead of sorting a whole district. Kept in the writing transaction by triggers:
 * BEFORE row triggers fill a row's own keys; a rename updates the rows that carry the name. The audit log
 * leaves `sort_` columns out: they repeat what the audited source row says.
 *
 * `SORT_KEY_DEFINITIONS` says what each key must equal; the generator fills them set-based from it and the
 * summary test compares after every kind of write.
 */
export const SORT_KEY_DEFINITIONS: { table: string; alias: string; keys: Record<string, string>; from: string }[] = [
  {
    table: 'educators',
    alias: 'e',
    keys: { sort_school_name: 'sch.name' },
    from: 'educators e LEFT JOIN schools sch ON sch.id = e.school_id',
  },
  {
    table: 'candidates',
    alias: 'c',
    keys: { sort_role_title: 'r.title', sort_role_level: 'r.level' },
    from: 'candidates c JOIN leadership_roles r ON r.id = c.role_id',
  },
  {
    table: 'nominations',
    alias: 'n',
    keys: { sort_role_title: 'r.title' },
    from: 'nominations n JOIN leadership_roles r ON r.id = n.target_role_id',
  },
  {
    table: 'positions',
    alias: 'p',
    keys: {
      sort_incumbent_last_name: 'i.last_name',
      sort_opens_on: `(${OPENS_ON('p.status', 'p.projected_vacancy_on', 'i.retirement_eligible_year')})`,
    },
    from: 'positions p LEFT JOIN educators i ON i.id = p.incumbent_educator_id',
  },
];

/** Rows whose keys differ from their definition (0 when the keys are right), per table. */
export const SORT_KEY_MISMATCHES = SORT_KEY_DEFINITIONS.map(({ table, alias, keys, from }) => ({
  table,
  sql: `SELECT count(*)::int AS n FROM ${from} WHERE ${Object.entries(keys)
    .map(([column, value]) => `${alias}.${column} IS DISTINCT FROM ${value}`)
    .join(' OR ')}`,
}));

/** Sets every key from its definition, set-based (after a load with triggers off, and for existing rows). */
export const SORT_KEY_FILL = SORT_KEY_DEFINITIONS.map(
  ({ table, alias, keys, from }) =>
    `UPDATE ${table} AS target SET ${Object.entries(keys)
      .map(([column, value]) => `${column} = (SELECT ${value} FROM ${from} WHERE ${alias}.id = target.id)`)
      .join(', ')}`,
);

const AUDIT_SKIP_BEFORE = "e.key NOT IN ('created_at', 'updated_at', 'version')";
const AUDIT_SKIP_AFTER = "e.key NOT IN ('created_at', 'updated_at', 'version') AND e.key NOT LIKE 'sort\\_%'";
const AUDIT_UPDATE_SKIP_BEFORE = "e.key NOT IN ('updated_at', 'version', 'last_login_at')";
const AUDIT_UPDATE_SKIP_AFTER = "e.key NOT IN ('updated_at', 'version', 'last_login_at') AND e.key NOT LIKE 'sort\\_%'";

/** The capture now in force (AddSingleSignOn's redaction list) read back from the database, then edited. */
async function currentCapture(queryRunner: QueryRunner): Promise<string> {
  const rows: { def: string }[] = await queryRunner.query(
    `SELECT pg_get_functiondef('audit_capture()'::regprocedure) AS def`,
  );
  return rows[0]!.def;
}

const TRIGGERS = `
CREATE FUNCTION sort_keys_educator() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.sort_school_name := (SELECT name FROM schools WHERE id = NEW.school_id);
  RETURN NEW;
END $$;
CREATE TRIGGER sort_keys BEFORE INSERT OR UPDATE OF school_id, sort_school_name ON educators
  FOR EACH ROW EXECUTE FUNCTION sort_keys_educator();

CREATE FUNCTION sort_keys_candidate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT title, level INTO NEW.sort_role_title, NEW.sort_role_level FROM leadership_roles WHERE id = NEW.role_id;
  RETURN NEW;
END $$;
CREATE TRIGGER sort_keys BEFORE INSERT OR UPDATE OF role_id, sort_role_title, sort_role_level ON candidates
  FOR EACH ROW EXECUTE FUNCTION sort_keys_candidate();

CREATE FUNCTION sort_keys_nomination() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.sort_role_title := (SELECT title FROM leadership_roles WHERE id = NEW.target_role_id);
  RETURN NEW;
END $$;
CREATE TRIGGER sort_keys BEFORE INSERT OR UPDATE OF target_role_id, sort_role_title ON nominations
  FOR EACH ROW EXECUTE FUNCTION sort_keys_nomination();

CREATE FUNCTION sort_keys_position() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_name text;
  retires int;
BEGIN
  SELECT i.last_name, i.retirement_eligible_year INTO last_name, retires
    FROM educators i WHERE i.id = NEW.incumbent_educator_id;
  NEW.sort_incumbent_last_name := last_name;
  NEW.sort_opens_on := ${OPENS_ON('NEW.status', 'NEW.projected_vacancy_on', 'retires')};
  RETURN NEW;
END $$;
CREATE TRIGGER sort_keys BEFORE INSERT OR UPDATE OF incumbent_educator_id, status, projected_vacancy_on,
  sort_incumbent_last_name, sort_opens_on ON positions FOR EACH ROW EXECUTE FUNCTION sort_keys_position();

-- The sources: a rename reaches the rows that carry the name (their own triggers recompute it).
CREATE FUNCTION sort_keys_school_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE educators SET sort_school_name = NULL WHERE school_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER sort_keys AFTER UPDATE OF name ON schools
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION sort_keys_school_renamed();

CREATE FUNCTION sort_keys_role_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE candidates SET sort_role_title = NULL WHERE role_id = NEW.id;
  UPDATE nominations SET sort_role_title = NULL WHERE target_role_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER sort_keys AFTER UPDATE OF title, level ON leadership_roles
  FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.level IS DISTINCT FROM NEW.level)
  EXECUTE FUNCTION sort_keys_role_changed();

CREATE FUNCTION sort_keys_incumbent_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE positions SET sort_incumbent_last_name = NULL WHERE incumbent_educator_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER sort_keys_incumbent AFTER UPDATE OF last_name, retirement_eligible_year ON educators
  FOR EACH ROW WHEN (OLD.last_name IS DISTINCT FROM NEW.last_name
                     OR OLD.retirement_eligible_year IS DISTINCT FROM NEW.retirement_eligible_year)
  EXECUTE FUNCTION sort_keys_incumbent_changed();
`;

export class AddSortKeys1796800000001 implements MigrationInterface {
  name = 'AddSortKeys1796800000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const capture = await currentCapture(queryRunner);
    if (!capture.includes(AUDIT_SKIP_BEFORE) || !capture.includes(AUDIT_UPDATE_SKIP_BEFORE))
      throw new Error('audit_capture changed: update the columns it leaves out');
    await queryRunner.query(
      capture
        .replaceAll(AUDIT_SKIP_BEFORE, AUDIT_SKIP_AFTER)
        .replace(AUDIT_UPDATE_SKIP_BEFORE, AUDIT_UPDATE_SKIP_AFTER),
    );

    await queryRunner.query('ALTER TABLE "educators" ADD "sort_school_name" character varying(200)');
    await queryRunner.query(
      'ALTER TABLE "candidates" ADD "sort_role_title" character varying(120), ADD "sort_role_level" "public"."leadership_level"',
    );
    await queryRunner.query('ALTER TABLE "nominations" ADD "sort_role_title" character varying(120)');
    await queryRunner.query(
      'ALTER TABLE "positions" ADD "sort_incumbent_last_name" character varying(100), ADD "sort_opens_on" date',
    );
    await queryRunner.query(TRIGGERS);
    // Existing rows, set-based; no audit rows (the capture leaves sort_ columns out).
    for (const fill of SORT_KEY_FILL) await queryRunner.query(fill);

    await queryRunner.query(
      'CREATE INDEX "ix_educators_district_school_name" ON "educators" ("district_id", "sort_school_name" NULLS FIRST, "id")',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_candidates_district_role_title" ON "candidates" ("district_id", "sort_role_title", "id")',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_candidates_district_role_level" ON "candidates" ("district_id", "sort_role_level", "id")',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_nominations_district_role_title" ON "nominations" ("district_id", "sort_role_title", "id")',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_positions_district_incumbent" ON "positions" ("district_id", "sort_incumbent_last_name" NULLS FIRST, "id")',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_positions_district_opens" ON "positions" ("district_id", "sort_opens_on" NULLS FIRST, "id")',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, trigger] of [
      ['educators', 'sort_keys_incumbent'],
      ['leadership_roles', 'sort_keys'],
      ['schools', 'sort_keys'],
      ['positions', 'sort_keys'],
      ['nominations', 'sort_keys'],
      ['candidates', 'sort_keys'],
      ['educators', 'sort_keys'],
    ])
      await queryRunner.query(`DROP TRIGGER "${trigger}" ON "${table}"`);
    for (const fn of [
      'sort_keys_incumbent_changed',
      'sort_keys_role_changed',
      'sort_keys_school_renamed',
      'sort_keys_position',
      'sort_keys_nomination',
      'sort_keys_candidate',
      'sort_keys_educator',
    ])
      await queryRunner.query(`DROP FUNCTION ${fn}()`);
    await queryRunner.query(
      'ALTER TABLE "positions" DROP COLUMN "sort_opens_on", DROP COLUMN "sort_incumbent_last_name"',
    );
    await queryRunner.query('ALTER TABLE "nominations" DROP COLUMN "sort_role_title"');
    await queryRunner.query('ALTER TABLE "candidates" DROP COLUMN "sort_role_level", DROP COLUMN "sort_role_title"');
    await queryRunner.query('ALTER TABLE "educators" DROP COLUMN "sort_school_name"');
    const capture = await currentCapture(queryRunner);
    await queryRunner.query(
      capture
        .replaceAll(AUDIT_SKIP_AFTER, AUDIT_SKIP_BEFORE)
        .replace(AUDIT_UPDATE_SKIP_AFTER, AUDIT_UPDATE_SKIP_BEFORE),
    );
  }
}
