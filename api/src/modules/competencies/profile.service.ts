import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { requireDistrict } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import type { FieldErrors } from '../../common/errors/app-error.js';
import { AppError } from '../../common/errors/app-error.js';
import { loadFrameworkGraph } from './framework-graph.js';
import type { ProfileEntryDto, RoleTargetDto } from './profile.dto.js';
import { PutRoleTargetsDto } from './profile.dto.js';
import type { Rating } from './profile.js';
import { computeProfile } from './profile.js';

/** Role targets and candidates' competency profiles against them. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly access: AccessService,
    private readonly db: DataSource,
  ) {}

  async targets(auth: AuthContext, roleId: string): Promise<RoleTargetDto[]> {
    await this.access.require(auth, Permission.LeadershipRoleRead, [roleId], 'Leadership role');
    return this.loadTargets(roleId);
  }

  /** Replaces the role's targets; each node must be one the district uses and each level on its rubric. */
  async putTargets(auth: AuthContext, roleId: string, dto: PutRoleTargetsDto): Promise<RoleTargetDto[]> {
    await this.access.require(auth, Permission.LeadershipRoleManage, [roleId], 'Leadership role');
    const districtId = requireDistrict(auth);
    const ids = dto.targets.map((t) => t.competencyId);
    const errors: FieldErrors = {};
    if (new Set(ids).size !== ids.length) errors.targets = 'each competency may be targeted once';
    const scales: { id: string; scale: number }[] = await this.db.query(
      `SELECT c.id, jsonb_array_length(f.rubric) AS scale FROM competencies c JOIN competency_frameworks f ON f.id = c.framework_id
        WHERE c.id = ANY($1::uuid[]) AND (f.district_id IS NULL OR f.district_id = $2)`,
      [ids, districtId],
    );
    const scale = new Map(scales.map((s) => [s.id, s.scale]));
    dto.targets.forEach((t, i) => {
      const s = scale.get(t.competencyId);
      if (s === undefined) errors[`targets.${i}.competencyId`] = 'not a node of a framework your district uses';
      else if (t.targetLevel > s) errors[`targets.${i}.targetLevel`] = `the rubric has ${s} levels`;
    });
    if (Object.keys(errors).length) throw AppError.validation(errors);
    await this.db.transaction(async (m) => {
      await m.query(`DELETE FROM role_targets WHERE role_id = $1`, [roleId]);
      if (ids.length) {
        await m.query(
          `INSERT INTO role_targets (role_id, competency_id, target_level) SELECT $1, unnest($2::uuid[]), unnest($3::int[])`,
          [roleId, ids, dto.targets.map((t) => t.targetLevel)],
        );
      }
    });
    return this.loadTargets(roleId);
  }

  /**
   * For each target of the candidate's role: current level, evidence and gap. Four statements after the
   * scope check, whatever the number of targets and ratings: the targets (through the candidate), the
   * ratings, and the district's framework nodes and links.
   */
  async profile(auth: AuthContext, candidateId: string): Promise<ProfileEntryDto[]> {
    await this.access.require(auth, Permission.CandidateRead, [candidateId], 'Candidate');
    // The scope check found the candidate in the caller's district.
    const districtId = requireDistrict(auth);
    const [targets, ratings, { nodes, links }] = await Promise.all([
      this.loadTargets(candidateId, 'candidate'),
      this.db.query(
        `SELECT id, competency_id AS "competencyId", level, to_char(observed_on, 'YYYY-MM-DD') AS "observedOn", source FROM evidence WHERE candidate_id = $1`,
        [candidateId],
      ) as Promise<Rating[]>,
      loadFrameworkGraph(this.db, districtId),
    ]);
    const computed = computeProfile(
      targets.map((t) => t.competencyId),
      nodes,
      ratings,
      links,
    );
    return targets.map((t) => {
      const p = computed.get(t.competencyId)!;
      return {
        ...t,
        currentLevel: p.currentLevel,
        gap: p.currentLevel === null ? null : t.targetLevel - p.currentLevel,
        evidenceCount: p.evidenceIds.length,
        sources: p.sources,
        evidenceIds: p.evidenceIds,
        relatedEvidenceIds: p.relatedEvidenceIds,
      };
    });
  }

  /** A role's targets, or (`of = 'candidate'`) those of a candidate's target role. */
  private loadTargets(id: string, of: 'role' | 'candidate' = 'role'): Promise<RoleTargetDto[]> {
    const role = of === 'role' ? '$1' : '(SELECT cd.role_id FROM candidates cd WHERE cd.id = $1)';
    return this.db.query(
      `SELECT t.competency_id AS "competencyId", c.code, c.title, f.short_name AS "frameworkShortName", t.target_level AS "targetLevel",
              jsonb_array_length(f.rubric) AS scale
         FROM role_targets t JOIN competencies c ON c.id = t.competency_id JOIN competency_frameworks f ON f.id = c.framework_id
        WHERE t.role_id = ${role} ORDER BY f.short_name, c.position, c.code`,
      [id],
    );
  }
}
