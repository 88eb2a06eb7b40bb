import type { DataSource, EntityManager } from 'typeorm';
import type { Link, ProfileNode } from './profile.js';

/**
 * Every node (with its rubric length) and crosswalk link a district's profiles are computed over: the
 * reference frameworks and its own. One place for the single profile and the batch (bench, readiness).
 */
export async function loadFrameworkGraph(
  manager: EntityManager | DataSource,
  districtId: string,
): Promise<{ nodes: Map<string, ProfileNode>; links: Link[] }> {
  // One after another: inside a transaction the manager holds a single connection.
  const nodeRows: ProfileNode[] = await manager.query(
    `SELECT c.id, c.parent_id AS "parentId", jsonb_array_length(f.rubric) AS scale
       FROM competencies c JOIN competency_frameworks f ON f.id = c.framework_id WHERE f.district_id IS NULL OR f.district_id = $1`,
    [districtId],
  );
  const links: Link[] = await manager.query(
    `SELECT from_id AS "fromId", to_id AS "toId", kind FROM crosswalk_links WHERE district_id IS NULL OR district_id = $1`,
    [districtId],
  );
  return { nodes: new Map(nodeRows.map((n) => [n.id, n])), links };
}
