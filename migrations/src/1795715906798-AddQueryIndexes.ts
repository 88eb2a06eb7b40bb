import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the lists' documented filters and sorts, the scope joins and the dashboards' reads (issue 7;
 * docs/query-design.md). Sort indexes on nullable columns are NULLS FIRST, the order lists sort nulls in
 * (ascending; a backward scan gives descending NULLS LAST): TypeORM cannot declare it and its schema diff
 * ignores it, so it is written here by hand, as is the new column order of ix_audit_log_entity.
 */
export class AddQueryIndexes1795715906798 implements MigrationInterface {
  name = 'AddQueryIndexes1795715906798';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_candidates_district_stage"');
    // TypeORM compares an index's columns as a set: the new column order of ix_audit_log_entity is by hand.
    await queryRunner.query('DROP INDEX "public"."ix_audit_log_entity"');
    await queryRunner.query('CREATE INDEX "ix_audit_log_entity" ON "audit_log"  ("entity_id", "entity") ');
    await queryRunner.query('CREATE INDEX "ix_audit_log_correlation" ON "audit_log"  ("correlation_id") ');
    await queryRunner.query(
      'CREATE INDEX "ix_audit_log_district_action" ON "audit_log"  ("district_id", "action", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_audit_log_district_entity" ON "audit_log"  ("district_id", "entity", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_educators_district_retirement" ON "educators"  ("district_id", "retirement_eligible_year" NULLS FIRST) ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_educators_district_years" ON "educators"  ("district_id", "years_in_education" NULLS FIRST) ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_educators_district_level" ON "educators"  ("district_id", "leadership_level" NULLS FIRST, "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_educators_district_updated" ON "educators"  ("district_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_educators_district_job_title" ON "educators"  ("district_id", "job_title", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_educators_district_first_name" ON "educators"  ("district_id", "first_name") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_educators_district_status" ON "educators"  ("district_id", "status", "id") ',
    );
    await queryRunner.query('CREATE INDEX "ix_users_district_name" ON "users"  ("district_id", "name") ');
    await queryRunner.query(
      'CREATE INDEX "ix_candidates_district_updated" ON "candidates"  ("district_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_candidates_district_created" ON "candidates"  ("district_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_candidates_district_stage_entered" ON "candidates"  ("district_id", "stage_entered_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_candidates_district_readiness" ON "candidates"  ("district_id", "readiness", "id") ',
    );
    await queryRunner.query('CREATE INDEX "ix_candidates_educator" ON "candidates"  ("educator_id") ');
    await queryRunner.query(
      'CREATE INDEX "ix_candidates_district_stage" ON "candidates"  ("district_id", "stage", "id") ',
    );
    await queryRunner.query('CREATE INDEX "ix_assignments_opportunity" ON "assignments"  ("opportunity_id") ');
    await queryRunner.query(
      'CREATE INDEX "ix_stage_transitions_district_candidate" ON "stage_transitions"  ("district_id", "candidate_id", "created_at", "id", "to_stage", "exit_reason") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_stage_transitions_district_stage_time" ON "stage_transitions"  ("district_id", "to_stage", "created_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_evidence_district_created" ON "evidence"  ("district_id", "created_at") ',
    );
    await queryRunner.query('CREATE INDEX "ix_evidence_district_level" ON "evidence"  ("district_id", "level", "id") ');
    await queryRunner.query(
      'CREATE INDEX "ix_evidence_district_source" ON "evidence"  ("district_id", "source", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_evidence_district_competency" ON "evidence"  ("district_id", "competency_id", "observed_on", "candidate_id", "level") ',
    );
    await queryRunner.query('CREATE INDEX "ix_evidence_recorder" ON "evidence"  ("recorder_user_id") ');
    await queryRunner.query(
      'CREATE INDEX "ix_nominations_district_decided" ON "nominations"  ("district_id", "decided_at" NULLS FIRST) ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_nominations_district_kind" ON "nominations"  ("district_id", "nominator_kind", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_nominations_district_status_id" ON "nominations"  ("district_id", "status", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_nominations_district_created" ON "nominations"  ("district_id", "created_at") ',
    );
    await queryRunner.query('CREATE INDEX "ix_nominations_candidate" ON "nominations"  ("candidate_id") ');
    await queryRunner.query('CREATE INDEX "ix_nominations_target_role" ON "nominations"  ("target_role_id") ');
    await queryRunner.query(
      'CREATE INDEX "ix_positions_district_filled" ON "positions"  ("district_id", "filled_at" NULLS FIRST) ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_positions_district_vacancy" ON "positions"  ("district_id", "projected_vacancy_on" NULLS FIRST) ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_positions_district_updated" ON "positions"  ("district_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_positions_district_created" ON "positions"  ("district_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_positions_district_status" ON "positions"  ("district_id", "status", "id") ',
    );
    await queryRunner.query('CREATE INDEX "ix_positions_district_title" ON "positions"  ("district_id", "title") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_positions_district_title"');
    await queryRunner.query('DROP INDEX "public"."ix_positions_district_status"');
    await queryRunner.query('DROP INDEX "public"."ix_positions_district_created"');
    await queryRunner.query('DROP INDEX "public"."ix_positions_district_updated"');
    await queryRunner.query('DROP INDEX "public"."ix_positions_district_vacancy"');
    await queryRunner.query('DROP INDEX "public"."ix_positions_district_filled"');
    await queryRunner.query('DROP INDEX "public"."ix_nominations_target_role"');
    await queryRunner.query('DROP INDEX "public"."ix_nominations_candidate"');
    await queryRunner.query('DROP INDEX "public"."ix_nominations_district_created"');
    await queryRunner.query('DROP INDEX "public"."ix_nominations_district_status_id"');
    await queryRunner.query('DROP INDEX "public"."ix_nominations_district_kind"');
    await queryRunner.query('DROP INDEX "public"."ix_nominations_district_decided"');
    await queryRunner.query('DROP INDEX "public"."ix_evidence_recorder"');
    await queryRunner.query('DROP INDEX "public"."ix_evidence_district_competency"');
    await queryRunner.query('DROP INDEX "public"."ix_evidence_district_source"');
    await queryRunner.query('DROP INDEX "public"."ix_evidence_district_level"');
    await queryRunner.query('DROP INDEX "public"."ix_evidence_district_created"');
    await queryRunner.query('DROP INDEX "public"."ix_stage_transitions_district_stage_time"');
    await queryRunner.query('DROP INDEX "public"."ix_stage_transitions_district_candidate"');
    await queryRunner.query('DROP INDEX "public"."ix_assignments_opportunity"');
    await queryRunner.query('DROP INDEX "public"."ix_candidates_district_stage"');
    await queryRunner.query('DROP INDEX "public"."ix_candidates_educator"');
    await queryRunner.query('DROP INDEX "public"."ix_candidates_district_readiness"');
    await queryRunner.query('DROP INDEX "public"."ix_candidates_district_stage_entered"');
    await queryRunner.query('DROP INDEX "public"."ix_candidates_district_created"');
    await queryRunner.query('DROP INDEX "public"."ix_candidates_district_updated"');
    await queryRunner.query('DROP INDEX "public"."ix_users_district_name"');
    await queryRunner.query('DROP INDEX "public"."ix_educators_district_status"');
    await queryRunner.query('DROP INDEX "public"."ix_educators_district_first_name"');
    await queryRunner.query('DROP INDEX "public"."ix_educators_district_job_title"');
    await queryRunner.query('DROP INDEX "public"."ix_educators_district_updated"');
    await queryRunner.query('DROP INDEX "public"."ix_educators_district_level"');
    await queryRunner.query('DROP INDEX "public"."ix_educators_district_years"');
    await queryRunner.query('DROP INDEX "public"."ix_educators_district_retirement"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_log_district_entity"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_log_district_action"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_log_correlation"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_log_entity"');
    await queryRunner.query('CREATE INDEX "ix_audit_log_entity" ON "audit_log"  ("entity", "entity_id") ');
    await queryRunner.query(
      'CREATE INDEX "ix_candidates_district_stage" ON "candidates" USING btree ("district_id", "stage") ',
    );
  }
}
