import type { EntityManager } from 'typeorm';

/**
 * Riverbend's own detailed framework (fictional): domains → competencies → indicators, each
 * competency linked `exact` to the reference area it refines and `related` to neighbouring ones.
 */
const RIVERBEND_FRAMEWORK: {
  code: string;
  title: string;
  competencies: { code: string; title: string; exact: string; related?: string[]; indicators: string[] }[];
}[] = [
  {
    code: 'RB-V',
    title: 'Leading with vision',
    competencies: [
      {
        code: 'RB-V1',
        title: 'Builds a shared vision for learner-centred schooling',
        exact: 'PSEL-1',
        related: ['POL-TRA', 'LC-1'],
        indicators: [
          'Facilitates visioning sessions that include students and families',
          'Connects daily decisions to the shared vision',
        ],
      },
      {
        code: 'RB-V2',
        title: 'Plans strategically and follows through',
        exact: 'PSEL-10',
        related: ['LC-3'],
        indicators: [
          'Turns data into a school improvement plan teachers use',
          'Reviews progress on the plan with the team each term',
        ],
      },
    ],
  },
  {
    code: 'RB-P',
    title: 'Growing people',
    competencies: [
      {
        code: 'RB-P1',
        title: 'Coaches colleagues to stronger practice',
        exact: 'PSEL-6',
        related: ['LC-3'],
        indicators: [
          'Gives specific, timely feedback after observations',
          'Models practices in colleagues’ classrooms',
        ],
      },
      {
        code: 'RB-P2',
        title: 'Leads collaborative professional learning',
        exact: 'PSEL-7',
        related: ['POL-COL', 'LC-4'],
        indicators: ['Facilitates a PLC around student work', 'Shares leadership of meetings with team members'],
      },
    ],
  },
  {
    code: 'RB-E',
    title: 'Equity and community',
    competencies: [
      {
        code: 'RB-E1',
        title: 'Advances equity for every learner',
        exact: 'PSEL-3',
        related: ['POL-ADV'],
        indicators: [
          'Uses disaggregated data to find and close gaps',
          'Adjusts practices to students’ cultures and languages',
        ],
      },
      {
        code: 'RB-E2',
        title: 'Cultivates family and community partnerships',
        exact: 'PSEL-8',
        related: ['POL-HCA'],
        indicators: ['Builds two-way communication with families', 'Brings community partners into learning'],
      },
    ],
  },
  {
    code: 'RB-L',
    title: 'Leading learning',
    competencies: [
      {
        code: 'RB-L1',
        title: 'Leads curriculum review and design',
        exact: 'PSEL-4',
        related: ['LC-4'],
        indicators: ['Leads a curriculum review with clear criteria', 'Aligns assessments to the curriculum'],
      },
      {
        code: 'RB-L2',
        title: 'Acts with integrity and self-awareness',
        exact: 'PSEL-2',
        related: ['POL-AUT', 'LC-2'],
        indicators: ['Seeks and acts on feedback about own leadership', 'Holds self and others to professional norms'],
      },
    ],
  },
];

const RUBRIC = JSON.stringify([
  { level: 1, label: 'Emerging' },
  { level: 2, label: 'Developing' },
  { level: 3, label: 'Proficient' },
  { level: 4, label: 'Exemplary' },
]);

/** Creates the demo district's framework (reference data must be loaded first). Returns node ids by code. */
export async function seedDistrictFramework(m: EntityManager, districtId: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const reference: { id: string; code: string }[] = await m.query(
    `SELECT c.id, c.code FROM competencies c JOIN competency_frameworks f ON f.id = c.framework_id WHERE f.district_id IS NULL`,
  );
  const ref = new Map(reference.map((r) => [r.code, r.id]));
  const [fw]: { id: string }[] = await m.query(
    `INSERT INTO competency_frameworks (district_id, key, title, short_name, source, description, rubric)
     VALUES ($1, $2, 'Riverbend Leadership Framework', 'RLF', 'Riverbend Unified School District', 'What Riverbend expects of its leaders, crosswalked to PSEL, JFF/CCSSO and the Portrait of a Leader.', $3::jsonb)
     RETURNING id`,
    [districtId, `${districtId}:riverbend-leadership-framework`, RUBRIC],
  );
  const insert = async (parentId: string | null, kind: string, code: string, title: string, position: number) => {
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO competencies (framework_id, parent_id, kind, code, title, position) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [fw!.id, parentId, kind, code, title, position],
    );
    ids.set(code, row!.id);
    return row!.id;
  };
  for (const [di, domain] of RIVERBEND_FRAMEWORK.entries()) {
    const domainId = await insert(null, 'domain', domain.code, domain.title, di);
    for (const [ci, c] of domain.competencies.entries()) {
      const cid = await insert(domainId, 'competency', c.code, c.title, ci);
      for (const [ii, text] of c.indicators.entries())
        await insert(cid, 'indicator', `${c.code}.${String.fromCharCode(97 + ii)}`, text, ii);
      const links: [string, string][] = [
        [c.exact, 'exact'],
        ...(c.related ?? []).map((r): [string, string] => [r, 'related']),
      ];
      for (const [code, kind] of links) {
        await m.query(`INSERT INTO crosswalk_links (district_id, from_id, to_id, kind) VALUES ($1, $2, $3, $4)`, [
          districtId,
          cid,
          ref.get(code),
          kind,
        ]);
      }
    }
  }
  return ids;
}
