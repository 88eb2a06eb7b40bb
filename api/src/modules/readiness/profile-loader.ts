import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { loadFrameworkGraph } from '../competencies/framework-graph.js';
import type { Rating } from '../competencies/profile.js';
import { computeProfile, indexLinks } from '../competencies/profile.js';

/** One target of a candidate's profile: the fields of GET /api/candidates/{id}/competency-profile the rule and summaries use. */
export interface ProfileEntry {
  competencyId: string;
  code: string;
  title: string;
  frameworkShortName: string;
  targetLevel: number;
  scale: number;
  currentLevel: number | null;
  gap: number | null;
  evidenceCount: number;
  sources: string[];
}

interface TargetRow {
  roleId: string;
  competencyId: string;
  code: string;
  title: string;
  frameworkShortName: string;
  targetLevel: number;
  scale: number;
}

/**
 * Competency profiles of many candidates of one district at once (a bench), in four statements, through
 * the same pure rule as the single-candidate profile endpoint (competencies/profile.ts).
 */
@Injectable()
export class ProfileLoader {
  constructor(private readonly db: DataSource) {}

  async profiles(
    districtId: string,
    candidates: { id: string; roleId: string }[],
    manager: EntityManager | DataSource = this.db,
    /** Only evidence recorded up to this moment (the suggestion as it was then); default: all. */
    asOf: Date | null = null,
  ): Promise<Map<string, ProfileEntry[]>> {
    const result = new Map<string, ProfileEntry[]>();
    if (candidates.length === 0) return result;
    const roleIds = [...new Set(candidates.map((c) => c.roleId))];
    // One after another: inside a transaction the manager holds a single connection.
    const targets: TargetRow[] = await manager.query(
      `SELECT t.role_id AS "roleId", t.competency_id AS "competencyId", c.code, c.title, f.short_name AS "frameworkShortName",
              t.target_level AS "targetLevel", jsonb_array_length(f.rubric) AS scale
         FROM role_targets t JOIN competencies c ON c.id = t.competency_id JOIN competency_frameworks f ON f.id = c.framework_id
        WHERE t.role_id = ANY($1::uuid[]) ORDER BY f.short_name, c.position, c.code`,
      [roleIds],
    );
    const ratings: (Rating & { candidateId: string })[] = await manager.query(
      `SELECT id, candidate_id AS "candidateId", competency_id AS "competencyId", level,
              to_char(observed_on, 'YYYY-MM-DD') AS "observedOn", source
         FROM evidence WHERE candidate_id = ANY($1::uuid[]) AND ($2::timestamptz IS NULL OR created_at <= $2)`,
      [candidates.map((c) => c.id), asOf],
    );
    const { nodes, links: linkList } = await loadFrameworkGraph(manager, districtId);
    const links = indexLinks(linkList);
    const byRole = new Map<string, TargetRow[]>();
    for (const t of targets) byRole.set(t.roleId, [...(byRole.get(t.roleId) ?? []), t]);
    const byCandidate = new Map<string, Rating[]>();
    for (const r of ratings) byCandidate.set(r.candidateId, [...(byCandidate.get(r.candidateId) ?? []), r]);
    for (const c of candidates) {
      const roleTargets = byRole.get(c.roleId) ?? [];
      const computed = computeProfile(
        roleTargets.map((t) => t.competencyId),
        nodes,
        byCandidate.get(c.id) ?? [],
        links,
      );
      result.set(
        c.id,
        roleTargets.map(({ roleId: _roleId, ...t }) => {
          const p = computed.get(t.competencyId)!;
          return {
            ...t,
            currentLevel: p.currentLevel,
            gap: p.currentLevel === null ? null : t.targetLevel - p.currentLevel,
            evidenceCount: p.evidenceIds.length,
            sources: p.sources,
          };
        }),
      );
    }
    return result;
  }

  /**
   * Targets met by each candidacy of one role, from the kept current level per candidacy and target
   * (target_levels, migration AddTargetLevels: the same rule, kept by the writes that change it). One index-only
   * read of the role's rows, however many candidacies it has. Candidacies without a rating meet none.
   */
  async targetsMetOfRole(districtId: string, roleId: string): Promise<{ total: number; met: Map<string, number> }> {
    const [{ total }]: [{ total: number }] = await this.db.query(
      'SELECT count(*)::int AS total FROM role_targets WHERE role_id = $1',
      [roleId],
    );
    const rows: { candidateId: string; met: number }[] = await this.db.query(
      `SELECT l.candidate_id AS "candidateId", count(*)::int AS met
         FROM target_levels l JOIN role_targets t ON t.role_id = l.role_id AND t.competency_id = l.competency_id
        WHERE l.district_id = $1 AND l.role_id = $2 AND l.level >= t.target_level
        GROUP BY l.candidate_id`,
      [districtId, roleId],
    );
    return { total, met: new Map(rows.map((r) => [r.candidateId, r.met])) };
  }
}
