import { MigrationInterface, QueryRunner } from 'typeorm';
import { type CellSource, recountOnChange, STATEMENT_OPS } from './kept-sql.js';

/**
 * Each candidacy's current level on each competency its role targets, by the profile rule of PRODUCT.md §2 in
 * SQL (the rule of competencies/profile.ts): ratings on the target or any descendant, and on any node linked
 * to it `exact` (and that node's descendants), rescaled to the target's rubric; the latest observed wins, ties
 * the higher level. Built from latest_ratings (each node's latest is all a target needs of it). A target with
 * no rating has no row. `who(column)` narrows the candidacies.
 */
const LEVELS = (who: (column: string) => string) => `
  WITH RECURSIVE cand AS (
    SELECT c.id, c.role_id, c.district_id FROM candidates c WHERE ${who('c.id')}),
  tgt AS (
    SELECT DISTINCT r.district_id, rt.role_id, rt.competency_id AS target_id, jsonb_array_length(f.rubric) AS scale
      FROM role_targets rt
      JOIN leadership_roles r ON r.id = rt.role_id
      JOIN competencies n ON n.id = rt.competency_id
      JOIN competency_frameworks f ON f.id = n.framework_id
     WHERE rt.role_id IN (SELECT role_id FROM cand)),
  src AS (
    SELECT district_id, target_id, target_id AS source_id, scale AS source_scale, scale AS target_scale FROM tgt
    UNION
    SELECT t.district_id, t.target_id, o.id, jsonb_array_length(f.rubric), t.scale
      FROM tgt t
      JOIN crosswalk_links l ON l.kind = 'exact' AND (l.from_id = t.target_id OR l.to_id = t.target_id)
           AND (l.district_id IS NULL OR l.district_id = t.district_id)
      JOIN competencies o ON o.id = CASE WHEN l.from_id = t.target_id THEN l.to_id ELSE l.from_id END
      JOIN competency_frameworks f ON f.id = o.framework_id AND (f.district_id IS NULL OR f.district_id = t.district_id)),
  tree (district_id, target_id, source_scale, target_scale, node_id) AS (
    SELECT district_id, target_id, source_scale, target_scale, source_id FROM src
    UNION
    SELECT tr.district_id, tr.target_id, tr.source_scale, tr.target_scale, n.id
      FROM tree tr JOIN competencies n ON n.parent_id = tr.node_id)
  SELECT DISTINCT ON (c.id, tr.target_id) c.id AS candidate_id, tr.target_id AS competency_id, c.district_id, c.role_id,
         ${RESCALED} AS level
    FROM cand c
    JOIN tgt t ON t.role_id = c.role_id AND t.district_id = c.district_id
    JOIN tree tr ON tr.district_id = c.district_id AND tr.target_id = t.target_id
    JOIN latest_ratings v ON v.candidate_id = c.id AND v.competency_id = tr.node_id
   ORDER BY c.id, tr.target_id, v.observed_on DESC, ${RESCALED} DESC`;

const RESCALED = `CASE WHEN tr.source_scale = tr.target_scale THEN v.level
  ELSE GREATEST(1, floor(v.level::numeric * tr.target_scale / tr.source_scale))::int END`;

/** The set-based definition of the whole table (the summary-table test and the scale generator use it). */
export const TARGET_LEVELS_SELECT = LEVELS(() => 'TRUE');

/** The catalog lock: shared by every recount, taken alone by a change to what the rule reads of the catalog. */
const CATALOG_LOCK = `hashtext('target_levels'), 0`;

/**
 * Rewrites the candidacies' rows whole. The districts' locks (in one order) make a concurrent recount of the same
 * candidacy wait for this transaction, and its statements then read what this one wrote (read committed).
 */
const RECOUNT = `
CREATE FUNCTION target_levels_recount(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock_shared(${CATALOG_LOCK});
  PERFORM pg_advisory_xact_lock(hashtext('target_levels'), hashtext(d.district_id::text))
     FROM (SELECT DISTINCT district_id FROM candidates WHERE id = ANY (ids)
           UNION SELECT DISTINCT district_id FROM target_levels WHERE candidate_id = ANY (ids)) d
    ORDER BY hashtext(d.district_id::text);
  DELETE FROM target_levels WHERE candidate_id = ANY (ids);
  INSERT INTO target_levels (candidate_id, competency_id, district_id, role_id, level)
  ${LEVELS((column) => `${column} = ANY (ids)`)};
END $$;

-- A catalog change (targets, tree, crosswalks, rubrics): the candidacies it concerns are found after the
-- catalog lock, so that a candidacy another transaction moved meanwhile is seen in its new role.
CREATE FUNCTION target_levels_recount_roles(roles uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF roles IS NULL OR cardinality(roles) = 0 THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(${CATALOG_LOCK});
  PERFORM target_levels_recount(ARRAY(SELECT id FROM candidates WHERE role_id = ANY (roles)));
END $$;

-- Roles with a target in one of the frameworks, or linked exact to a node of one.
CREATE FUNCTION target_levels_recount_frameworks(fw uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF fw IS NULL OR cardinality(fw) = 0 THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(${CATALOG_LOCK});
  PERFORM target_levels_recount_roles(ARRAY(
    SELECT DISTINCT rt.role_id FROM role_targets rt JOIN competencies n ON n.id = rt.competency_id
     WHERE n.framework_id = ANY (fw)
        OR EXISTS (SELECT 1 FROM crosswalk_links l
                     JOIN competencies o ON o.id = CASE WHEN l.from_id = rt.competency_id THEN l.to_id ELSE l.from_id END
                    WHERE (l.from_id = rt.competency_id OR l.to_id = rt.competency_id) AND o.framework_id = ANY (fw))));
END $$;

-- Roles targeting one of these competencies (the ends of a crosswalk link).
CREATE FUNCTION target_levels_recount_targets(targets uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF targets IS NULL OR cardinality(targets) = 0 THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(${CATALOG_LOCK});
  PERFORM target_levels_recount_roles(ARRAY(SELECT DISTINCT role_id FROM role_targets WHERE competency_id = ANY (targets)));
END $$;`;

/**
 * What a row of each table changes, and which recount takes it: a candidacy's latest ratings and role (its own
 * rows), a role's targets, the competency tree, a crosswalk, a rubric's length. A new competency has no rating
 * yet, and one under evidence cannot be deleted (evidence restricts it; its links go with their own trigger):
 * only its moves count.
 */
const SOURCES: (CellSource & { recount: string })[] = [
  {
    table: 'latest_ratings',
    ids: (rows) => `SELECT candidate_id FROM ${rows}`,
    changed: ['level', 'observed_on'],
    key: 'candidate_id',
    recount: 'target_levels_recount',
  },
  {
    table: 'candidates',
    ids: (rows) => `SELECT id FROM ${rows}`,
    changed: ['role_id', 'district_id'],
    recount: 'target_levels_recount',
  },
  {
    table: 'role_targets',
    ids: (rows) => `SELECT role_id FROM ${rows}`,
    changed: ['competency_id'],
    key: 'role_id',
    recount: 'target_levels_recount_roles',
  },
  {
    table: 'competencies',
    ids: (rows) => `SELECT framework_id FROM ${rows}`,
    changed: ['parent_id', 'framework_id'],
    recount: 'target_levels_recount_frameworks',
  },
  {
    table: 'crosswalk_links',
    ids: (rows) => `SELECT from_id FROM ${rows} UNION SELECT to_id FROM ${rows}`,
    changed: ['from_id', 'to_id', 'kind', 'district_id'],
    recount: 'target_levels_recount_targets',
  },
  {
    table: 'competency_frameworks',
    ids: (rows) => `SELECT id FROM ${rows}`,
    // Only the number of levels: a relabelled rubric changes no level.
    changed: ['jsonb_array_length({row}.rubric)', 'district_id'],
    recount: 'target_levels_recount_frameworks',
  },
];

const functionName = (table: string) => `target_levels_changed_${table}`;

/**
 * Kept current levels per candidacy and target: a slate ranks thousands of candidacies by targets met and the
 * competencies dashboard groups them by level, and both computed every level from the ratings on each request
 * (0.2 s for a role of 2,900 candidacies, 0.16 s for district-L's heatmap).
 */
export class AddTargetLevels1797400000000 implements MigrationInterface {
  name = 'AddTargetLevels1797400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "target_levels" ("candidate_id" uuid NOT NULL, "competency_id" uuid NOT NULL,
        "district_id" uuid NOT NULL, "role_id" uuid NOT NULL, "level" integer NOT NULL,
        CONSTRAINT "pk_target_levels" PRIMARY KEY ("candidate_id", "competency_id"))`,
    );
    // A role's candidacies, read index-only by the slate and the heatmap.
    await queryRunner.query(
      'CREATE INDEX "ix_target_levels_role" ON "target_levels" ("district_id", "role_id", "candidate_id") INCLUDE ("competency_id", "level")',
    );
    await queryRunner.query(RECOUNT);
    for (const source of SOURCES) {
      await queryRunner.query(recountOnChange(functionName(source.table), source.recount, source));
      for (const [op, refs] of STATEMENT_OPS) {
        if (source.table === 'competencies' && op !== 'update') continue;
        await queryRunner.query(
          `CREATE TRIGGER target_levels_${op} AFTER ${op.toUpperCase()} ON "${source.table}" REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION ${functionName(source.table)}()`,
        );
      }
    }
    await queryRunner.query(
      `INSERT INTO "target_levels" (candidate_id, competency_id, district_id, role_id, level) ${TARGET_LEVELS_SELECT}`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of SOURCES) {
      for (const [op] of STATEMENT_OPS)
        await queryRunner.query(`DROP TRIGGER IF EXISTS target_levels_${op} ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION ${functionName(table)}()`);
    }
    for (const f of ['recount_targets', 'recount_frameworks', 'recount_roles', 'recount'])
      await queryRunner.query(`DROP FUNCTION target_levels_${f}(uuid[])`);
    await queryRunner.query('DROP TABLE "target_levels"');
  }
}
