import { SeededRandom } from '@emerge/api/testing';
import type { EntityManager } from 'typeorm';

const LEVEL_BY_ROLE_LEVEL: Record<string, number> = { classroom: 2, school: 3, district: 4 };
const SOURCES = ['observation', 'artifact', 'feedback_360', 'self_reflection', 'evaluation'] as const;
const DAY = 86_400_000;

/**
 * Role targets on the district framework's competencies, and evidence for every candidate beyond
 * `identified`: more and higher ratings the further along they are.
 */
export async function seedTargetsAndEvidence(
  m: EntityManager,
  districtId: string,
  nodes: Map<string, string>,
  recorders: { hr: string; coordinator: string },
  random: SeededRandom,
): Promise<void> {
  const competencies = [...nodes.entries()].filter(([code]) => /^RB-[A-Z]\d$/.test(code));
  const roles: { id: string; level: string }[] = await m.query(
    `SELECT id, level FROM leadership_roles WHERE district_id = $1`,
    [districtId],
  );
  for (const role of roles) {
    const picked = competencies.filter(() => random.chance(0.6)).slice(0, 5);
    for (const [, id] of picked.length ? picked : competencies.slice(0, 3)) {
      await m.query(`INSERT INTO role_targets (role_id, competency_id, target_level) VALUES ($1, $2, $3)`, [
        role.id,
        id,
        LEVEL_BY_ROLE_LEVEL[role.level] ?? 3,
      ]);
    }
  }
  const candidates: { id: string; stage: string; pausedFrom: string | null; createdAt: Date }[] = await m.query(
    `SELECT id, stage, paused_from AS "pausedFrom", created_at AS "createdAt" FROM candidates WHERE district_id = $1`,
    [districtId],
  );
  const progress: Record<string, number> = { engaged: 1, developing: 2, ready: 3, placed: 3, supported: 4 };
  const indicators = [...nodes.entries()].filter(([code]) => /\.[a-z]$/.test(code)).map(([, id]) => id);
  const rows: unknown[][] = [];
  for (const c of candidates) {
    const p = progress[c.stage === 'paused' ? (c.pausedFrom ?? '') : c.stage] ?? 0;
    if (p === 0) continue;
    const started = new Date(c.createdAt).getTime();
    for (let i = 0; i < 2 + p * 2; i++) {
      const at = new Date(started + random.next() * (Date.now() - started - DAY));
      const level = Math.max(1, Math.min(4, p + random.int(-1, 1)));
      const source = random.pick(SOURCES);
      rows.push([
        districtId,
        c.id,
        random.pick(indicators),
        level,
        source,
        'Recorded during the leadership programme',
        at.toISOString().slice(0, 10),
        source === 'self_reflection' ? recorders.hr : random.pick([recorders.hr, recorders.coordinator]),
      ]);
    }
  }
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const values = chunk
      .map((_, r) => `(${Array.from({ length: 8 }, (__, k) => `$${r * 8 + k + 1}`).join(', ')})`)
      .join(', ');
    await m.query(
      `INSERT INTO evidence (district_id, candidate_id, competency_id, level, source, note, observed_on, recorder_user_id) VALUES ${values}`,
      chunk.flat(),
    );
  }
}
