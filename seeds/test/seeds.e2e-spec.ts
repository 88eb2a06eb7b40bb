import type { ScratchServer } from '@emerge/api';
import { createDataSource, migrate, startScratchServer } from '@emerge/api';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { REFERENCE_FRAMEWORKS, REFERENCE_LINKS } from '../src/reference/frameworks.js';
import { loadReferenceData } from '../src/reference/load-reference.js';
import { seedDemoIfEmpty } from '../src/scenarios/demo-district.js';

describe('seeds', () => {
  let server: ScratchServer;
  let ds: DataSource;

  beforeAll(async () => {
    server = await startScratchServer();
    const url = await server.createDatabase('emerge_seeds_test');
    await migrate(url);
    ds = createDataSource(url);
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await server?.stop();
  });

  const counts = async () =>
    (
      await ds.query(`SELECT (SELECT count(*) FROM competency_frameworks)::int AS f, (SELECT count(*) FROM competencies)::int AS n,
                             (SELECT count(*) FROM crosswalk_links)::int AS l`)
    )[0] as { f: number; n: number; l: number };

  it('loads the reference frameworks, top level only, and re-running adds nothing', async () => {
    await ds.transaction((m) => loadReferenceData(m));
    const first = await counts();
    expect(first).toEqual({
      f: 3,
      n: REFERENCE_FRAMEWORKS.reduce((a, f) => a + f.nodes.length, 0),
      l: REFERENCE_LINKS.length,
    });
    await ds.transaction((m) => loadReferenceData(m));
    expect(await counts()).toEqual(first);
    const [psel3] = await ds.query(
      `SELECT c.title, c.kind, c.parent_id FROM competencies c JOIN competency_frameworks f ON f.id = c.framework_id WHERE f.key = 'psel-2015' AND c.code = 'PSEL-3'`,
    );
    expect(psel3).toEqual({ title: 'Equity and Cultural Responsiveness', kind: 'domain', parent_id: null });
  });

  it('loads the demo once, as PRODUCT.md §5 describes it, and never twice', async () => {
    expect(await seedDemoIfEmpty(ds)).toBe(true);
    expect(await seedDemoIfEmpty(ds)).toBe(false);
    const [row] = await ds.query(`
      SELECT (SELECT count(*) FROM schools s JOIN districts d ON d.id = s.district_id WHERE d.slug = 'riverbend')::int AS schools,
             (SELECT count(*) FROM educators e JOIN districts d ON d.id = e.district_id WHERE d.slug = 'riverbend')::int AS educators,
             (SELECT count(*) FROM educators e JOIN districts d ON d.id = e.district_id WHERE d.slug = 'lakeside')::int AS lakeside,
             (SELECT count(DISTINCT stage) FROM candidates)::int AS stages,
             (SELECT count(DISTINCT status) FROM nominations)::int AS statuses,
             (SELECT count(DISTINCT nominator_kind) FROM nominations)::int AS kinds`);
    expect(row).toEqual({ schools: 12, educators: 600, lakeside: 60, stages: 8, statuses: 4, kinds: 4 });
    const [fw] = await ds.query(`
      SELECT count(*) FILTER (WHERE c.kind = 'domain')::int AS domains, count(*) FILTER (WHERE c.kind = 'competency')::int AS competencies,
             count(*) FILTER (WHERE c.kind = 'indicator')::int AS indicators,
             (SELECT count(*) FROM crosswalk_links l JOIN competencies x ON x.id = l.from_id WHERE x.framework_id = f.id AND l.kind = 'exact')::int AS exact
        FROM competency_frameworks f JOIN competencies c ON c.framework_id = f.id WHERE f.short_name = 'RLF' GROUP BY f.id`);
    expect(fw).toEqual({ domains: 4, competencies: 8, indicators: 16, exact: 8 });
    // Every candidate beyond identified has evidence; every demo role has targets.
    const [gaps] = await ds.query(`
      SELECT (SELECT count(*) FROM candidates c JOIN districts d ON d.id = c.district_id
               WHERE d.slug = 'riverbend' AND c.stage NOT IN ('identified', 'exited') AND c.paused_from IS DISTINCT FROM 'identified'
                 AND NOT EXISTS (SELECT 1 FROM evidence v WHERE v.candidate_id = c.id))::int AS without_evidence,
             (SELECT count(*) FROM leadership_roles r JOIN districts d ON d.id = r.district_id
               WHERE d.slug = 'riverbend' AND NOT EXISTS (SELECT 1 FROM role_targets t WHERE t.role_id = r.id))::int AS without_targets`);
    expect(gaps).toEqual({ without_evidence: 0, without_targets: 0 });
    const [elena] = await ds.query(
      `SELECT c.stage FROM candidates c JOIN users u ON u.educator_id = c.educator_id WHERE u.email = 'educator@riverbend.example'`,
    );
    expect(elena.stage).toBe('developing');
    const theo = await ds.query(
      `SELECT 1 FROM nominations n JOIN users u ON u.educator_id = n.educator_id WHERE u.email = 'teacher@riverbend.example'
       UNION ALL SELECT 1 FROM candidates c JOIN users u ON u.educator_id = c.educator_id WHERE u.email = 'teacher@riverbend.example'`,
    );
    expect(theo).toEqual([]);
    const [rhs] = await ds.query(`
      SELECT count(*)::int AS candidates, count(DISTINCT c.stage)::int AS stages,
             (SELECT count(*) FROM educators e JOIN schools s ON s.id = e.school_id WHERE s.code = 'RHS')::int AS educators
        FROM candidates c JOIN educators e ON e.id = c.educator_id JOIN schools s ON s.id = e.school_id WHERE s.code = 'RHS'`);
    expect(rhs.educators).toBeGreaterThanOrEqual(40);
    expect(rhs.candidates).toBeGreaterThanOrEqual(8);
    expect(rhs.stages).toBeGreaterThanOrEqual(3);
    // Histories span three school years and every move is a transition row.
    const [span] = await ds.query(`SELECT (now()::date - min(created_at)::date) AS days FROM stage_transitions`);
    expect(span.days).toBeGreaterThan(700);
    const [consistent] = await ds.query(`
      SELECT count(*)::int AS bad FROM candidates c
       WHERE c.stage <> (SELECT t.to_stage FROM stage_transitions t WHERE t.candidate_id = c.id ORDER BY t.created_at DESC LIMIT 1)`);
    expect(consistent.bad).toBe(0);
    // Development: assignments in every status, seats counted as the API counts them, every completion evidenced.
    const [dev] = await ds.query(`
      SELECT (SELECT count(*) FROM development_opportunities)::int AS opportunities,
             (SELECT count(DISTINCT status) FROM assignments)::int AS statuses,
             (SELECT count(*) FROM development_opportunities o
               WHERE o.seats_taken <> (SELECT count(*) FROM assignments a WHERE a.opportunity_id = o.id AND a.status <> 'withdrawn')
                  OR o.seats_taken > o.seats)::int AS miscounted,
             (SELECT count(*) FROM assignments a WHERE a.status = 'completed'
                 AND (SELECT count(*) FROM evidence v WHERE v.assignment_id = a.id AND v.source = 'opportunity_completion')
                  <> (SELECT count(*) FROM opportunity_competencies oc WHERE oc.opportunity_id = a.opportunity_id))::int AS unevidenced,
             (SELECT count(*) FROM assignments a JOIN users u ON u.educator_id = (SELECT educator_id FROM candidates WHERE id = a.candidate_id)
               WHERE u.email = 'educator@riverbend.example')::int AS elena`);
    expect(dev).toEqual({ opportunities: 12, statuses: 4, miscounted: 0, unevidenced: 0, elena: 3 });
  });
});
