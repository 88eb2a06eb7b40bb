import type { ScratchServer } from '@emerge/api';
import { createDataSource, migrate, startScratchServer } from '@emerge/api';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
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

  it('gives the reference nodes stable CASE identifiers, also in a database loaded before they existed', async () => {
    await ds.query(`UPDATE competencies SET case_identifier = NULL`);
    const before = await counts();
    await ds.transaction((m) => loadReferenceData(m));
    expect(await counts()).toEqual(before);
    const rows: { code: string; case_identifier: string }[] = await ds.query(
      `SELECT code, case_identifier FROM competencies WHERE case_identifier IS NOT NULL ORDER BY code`,
    );
    const shipped = REFERENCE_FRAMEWORKS.flatMap((f) =>
      f.nodes.map((n) => ({ code: n.code, case_identifier: n.caseIdentifier })),
    );
    expect(rows).toEqual(shipped.sort((a, b) => a.code.localeCompare(b.code)));
    expect(new Set(shipped.map((n) => n.case_identifier)).size).toBe(shipped.length);
    // The sample CASE package (docs/samples) crosswalks only to nodes the reference data ships.
    const sample = JSON.parse(
      readFileSync(new URL('../../docs/samples/case-framework.json', import.meta.url), 'utf8'),
    ) as {
      CFItems: { identifier: string }[];
      CFAssociations: { associationType: string; destinationNodeURI: { identifier: string } }[];
    };
    const own = new Set(sample.CFItems.map((i) => i.identifier));
    const targets = sample.CFAssociations.filter(
      (a) => a.associationType !== 'isChildOf' && a.associationType !== 'precedes',
    )
      .map((a) => a.destinationNodeURI.identifier)
      .filter((id) => !own.has(id));
    expect(targets.length).toBe(13);
    const known = new Set(shipped.map((n) => n.case_identifier));
    expect(targets.filter((id) => !known.has(id))).toEqual([]);
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

  it('seats ~40 Riverbend positions and a few Lakeside ones, with readiness reviews behind the bench', async () => {
    const [pos] = await ds.query(`
      SELECT count(*) FILTER (WHERE d.slug = 'riverbend')::int AS riverbend, count(*) FILTER (WHERE d.slug = 'lakeside')::int AS lakeside,
             count(*) FILTER (WHERE p.status = 'vacant' AND d.slug = 'riverbend')::int AS vacant,
             count(*) FILTER (WHERE (p.status = 'filled') <> (p.incumbent_educator_id IS NOT NULL))::int AS inconsistent,
             count(*) FILTER (WHERE p.status = 'filled' AND COALESCE(p.projected_vacancy_on, make_date(i.retirement_eligible_year, 7, 1))
                                <= current_date + interval '12 months')::int AS within12,
             count(*) FILTER (WHERE p.status = 'filled' AND COALESCE(p.projected_vacancy_on, make_date(i.retirement_eligible_year, 7, 1))
                                BETWEEN current_date + interval '12 months' AND current_date + interval '36 months')::int AS within12to36,
             (SELECT count(*) FROM (SELECT incumbent_educator_id FROM positions WHERE incumbent_educator_id IS NOT NULL
                                     GROUP BY 1 HAVING count(*) > 1) x)::int AS doubled,
             count(*) FILTER (WHERE p.placed_candidate_id IS NOT NULL)::int AS placed
        FROM positions p JOIN districts d ON d.id = p.district_id LEFT JOIN educators i ON i.id = p.incumbent_educator_id`);
    const [rhs] = await ds.query(`
      SELECT p.projected_vacancy_on - current_date AS days,
             (SELECT count(*) FROM candidates c WHERE c.role_id = p.role_id AND c.stage = 'ready' AND c.readiness = 'ready_now')::int AS ready_now
        FROM positions p JOIN schools s ON s.id = p.school_id JOIN leadership_roles r ON r.id = p.role_id
       WHERE s.code = 'RHS' AND r.title = 'Principal'`);
    const [readiness] = await ds.query(`
      SELECT count(*) FILTER (WHERE c.stage = 'ready')::int AS ready,
             count(*) FILTER (WHERE c.stage = 'ready' AND c.readiness = 'ready_now')::int AS ready_now,
             count(*) FILTER (WHERE c.stage = 'developing' AND c.readiness <> 'not_assessed')::int AS developing_confirmed,
             count(*) FILTER (WHERE c.readiness_shared)::int AS shared,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM evidence v WHERE v.candidate_id = c.id AND v.created_at > c.readiness_confirmed_at))::int AS flagged,
             count(*) FILTER (WHERE (SELECT count(*) FROM readiness_assessments a WHERE a.candidate_id = c.id) > 1)::int AS with_history,
             count(*) FILTER (WHERE c.readiness <> 'not_assessed' AND (c.readiness, c.readiness_confirmed_at) IS DISTINCT FROM
               (SELECT (a.band, a.confirmed_at) FROM readiness_assessments a WHERE a.candidate_id = c.id ORDER BY a.confirmed_at DESC LIMIT 1)
             )::int AS mismatched
        FROM candidates c JOIN districts d ON d.id = c.district_id WHERE d.slug = 'riverbend'`);
    const [journey] = await ds.query(`
      SELECT count(*)::int AS awaiting FROM positions p JOIN schools s ON s.id = p.school_id
        JOIN candidates c ON c.role_id = p.role_id AND c.stage = 'ready' AND c.readiness = 'not_assessed'
       WHERE p.title = 'Assistant principal, Cedar Hollow Middle School' AND p.status = 'vacant'`);
    expect(pos).toEqual({
      riverbend: 40,
      lakeside: 5,
      vacant: 5,
      inconsistent: 0,
      within12: expect.any(Number),
      within12to36: expect.any(Number),
      doubled: 0,
      placed: expect.any(Number),
    });
    expect(pos.within12).toBeGreaterThanOrEqual(3);
    expect(pos.within12to36).toBeGreaterThanOrEqual(4);
    expect(pos.placed).toBeGreaterThanOrEqual(5); // placed and supported candidates sit in seats of their role
    // Riverbend High School's principal leaves within the year, and a ready_now candidate is on the bench.
    expect(rhs.days).toBeGreaterThan(90);
    expect(rhs.days).toBeLessThan(365);
    expect(rhs.ready_now).toBeGreaterThanOrEqual(1);
    expect(readiness.ready_now / readiness.ready).toBeGreaterThanOrEqual(0.7);
    expect(readiness.developing_confirmed).toBeGreaterThanOrEqual(3);
    expect(readiness.shared).toBeGreaterThanOrEqual(3);
    expect(readiness.flagged).toBeGreaterThanOrEqual(3);
    expect(readiness.with_history).toBeGreaterThanOrEqual(1);
    expect(readiness.mismatched).toBe(0);
    // The console's placement journey: a vacancy with a ready candidate awaiting confirmation.
    expect(journey.awaiting).toBeGreaterThanOrEqual(1);
  });

  it('gives the demo mentors within capacity, the demo mentor Elena and a request waiting', async () => {
    const [mentors] = await ds.query(`
      SELECT count(*)::int AS mentors,
             count(*) FILTER (WHERE m.taken <> (SELECT count(*) FROM mentorships x
                                                 WHERE x.mentor_educator_id = m.educator_id AND x.status = 'active'))::int AS miscounted,
             count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.educator_id = m.educator_id AND u.active))::int AS without_login
        FROM mentors m`);
    expect(mentors.mentors).toBeGreaterThanOrEqual(8);
    expect(mentors).toMatchObject({ miscounted: 0, without_login: 0 });
    const [pairs] = await ds.query(`
      SELECT count(*) FILTER (WHERE x.status = 'active')::int AS active,
             count(*) FILTER (WHERE c.mentor_educator_id IS DISTINCT FROM x.mentor_educator_id AND x.status = 'active')::int AS unnamed,
             (SELECT count(*) FROM mentoring_sessions)::int AS sessions
        FROM mentorships x JOIN candidates c ON c.id = x.candidate_id`);
    expect(pairs.active).toBeGreaterThanOrEqual(10);
    expect(pairs.unnamed).toBe(0);
    expect(pairs.sessions).toBeGreaterThan(pairs.active);
    const demo: { status: string; mentee: string }[] = await ds.query(`
      SELECT x.status::text AS status, mu.email AS mentee
        FROM mentorships x JOIN users u ON u.educator_id = x.mentor_educator_id
        JOIN candidates c ON c.id = x.candidate_id LEFT JOIN users mu ON mu.educator_id = c.educator_id
       WHERE u.email = 'mentor@riverbend.example' ORDER BY x.status`);
    expect(demo).toEqual([
      { status: 'requested', mentee: null },
      { status: 'active', mentee: 'educator@riverbend.example' },
    ]);
  });
});
