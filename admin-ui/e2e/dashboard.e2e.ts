import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { toCsv } from '../src/dashboard/csv.js';
import {
  api as callApi,
  describeBrowser,
  expectAccessible,
  launch,
  login,
  newPage,
  shot,
  tokenFor,
} from './browser.js';

/** A picture of one screen or part of it as a person sees it, for the guides (shot() takes whole pages). */
const docShot = (target: Page | Locator, name: string) =>
  target.screenshot({ path: join(dirname(fileURLToPath(import.meta.url)), 'screenshots', `${name}.png`) });

/** The API's answer, fetched in the page with the signed-in user's token. */
async function api<T>(page: Page, path: string): Promise<{ status: number; body: T; total: number | null }> {
  return page.evaluate(async (p) => {
    const res = await fetch(`/api${p}`, {
      headers: { Authorization: `Bearer ${localStorage.getItem('emerge.token')}` },
    });
    const range = res.headers.get('content-range');
    return { status: res.status, body: await res.json(), total: range ? Number(range.split('/')[1]) : null };
  }, path) as Promise<{ status: number; body: T; total: number | null }>;
}

const filterParam = (f: Record<string, unknown>) => encodeURIComponent(JSON.stringify(f));

/** The body rows of the table whose caption matches, as trimmed cell texts. */
async function tableRows(scope: Page | Locator, caption: string | RegExp): Promise<string[][]> {
  const page = 'page' in scope ? scope.page() : scope;
  const table = scope.locator('table', { has: page.locator('caption', { hasText: caption }) }).first();
  await table.waitFor();
  return table.evaluate((el) =>
    [...el.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())),
  );
}

const row = (rows: string[][], first: string) => {
  const r = rows.find((cells) => cells[0] === first);
  if (!r) throw new Error(`No row "${first}" in ${JSON.stringify(rows.map((x) => x[0]))}`);
  return r;
};
const num = (s: string | undefined) => Number((s ?? '').replace(/,/g, ''));

interface Funnel {
  stages: { stage: string; current: number; entered: number }[];
  activeTotal: number;
}
interface Bench {
  roles: { roleId: string; title: string; atRisk: boolean; candidates: { readyNow: number } }[];
  totals: { vacantNow: number; opening12Months: number; positions: number; candidates: { readyNow: number } };
  rolesAtRisk: string[];
}
interface Count {
  count: number | null;
  suppressed: boolean;
}
interface Equity {
  threshold: number;
  representation: { columns: string[]; rows: { group: string; cells: Count[] }[]; totals: Count[] };
}

const STAGE_NAMES: Record<string, string> = {
  identified: 'Identified',
  engaged: 'Engaged',
  developing: 'Developing',
  ready: 'Ready',
  placed: 'Placed',
  supported: 'Supported',
  paused: 'Paused',
  exited: 'Exited',
};

const FIGURES = [
  'Pipeline funnel',
  'Exits by reason',
  'Time in stage',
  'Bench strength',
  'Bench against the forecast',
  'Competencies against targets',
  'Nominations by who nominated',
  'Nominations by school',
  'Development opportunities',
  'Equity: representation by gender',
];

async function showAllTables(page: Page): Promise<void> {
  const show = page.getByRole('button', { name: 'Show table' });
  while ((await show.count()) > 0) await show.first().click();
}

/** The equity counts table shows "<threshold" exactly where the API suppressed, and the API's count elsewhere. */
async function expectEquityMatches(page: Page, equity: Equity): Promise<number> {
  const rows = await tableRows(page, /^People by gender/);
  const api = [...equity.representation.rows.map((r) => r.cells), equity.representation.totals];
  expect(rows).toHaveLength(api.length);
  let suppressed = 0;
  api.forEach((cells, i) =>
    cells.forEach((c, j) => {
      const shown = rows[i]![j + 1]!;
      if (c.suppressed) {
        suppressed++;
        expect(shown).toBe(`<${equity.threshold}`);
      } else expect(num(shown)).toBe(c.count);
    }),
  );
  return suppressed;
}

describeBrowser('superintendent dashboard', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('is the superintendent’s home: every chart, with the API’s numbers in its cards and tables', async () => {
    const page = await newPage(browser);
    await login(page, 'superintendent@riverbend.example');
    for (const title of FIGURES) await page.getByRole('heading', { name: title, level: 2 }).waitFor();
    // Nine recharts charts (the heatmap is a colored table), all loaded from the lazy chunk.
    await page.waitForFunction(() => document.querySelectorAll('.recharts-wrapper').length >= 9);
    expect(await page.locator('.recharts-wrapper').count()).toBe(9);
    await page.getByRole('table', { name: /Average current level/ }).waitFor();
    await shot(page, 'dashboard-superintendent');
    await page.mouse.move(0, 0); // no tooltip in the guide's picture
    await docShot(page, 'dashboard-top');
    await expectAccessible(page, 'superintendent dashboard');

    const funnel = (await api<Funnel>(page, '/dashboard/funnel')).body;
    const bench = (await api<Bench>(page, '/dashboard/bench')).body;
    const kpi = (id: string) => page.getByTestId(`kpi-${id}`).getByTestId('kpi-value').innerText();
    expect(num(await kpi('active'))).toBe(funnel.activeTotal);
    expect(num(await kpi('ready'))).toBe(bench.totals.candidates.readyNow);
    expect(num(await kpi('openings'))).toBe(bench.totals.vacantNow + bench.totals.opening12Months);
    expect(num(await kpi('at-risk'))).toBe(bench.rolesAtRisk.length);

    await showAllTables(page);
    const funnelRows = await tableRows(page, /^Candidacies per stage now/);
    for (const s of funnel.stages) {
      const r = row(funnelRows, STAGE_NAMES[s.stage]!);
      expect([num(r[1]), num(r[2])]).toEqual([s.current, s.entered]);
    }
    const time = (
      await api<{ stages: { stage: string; completed: { count: number; medianDays: number | null } }[] }>(
        page,
        '/dashboard/time-in-stage',
      )
    ).body;
    const timeRows = await tableRows(page, /^Days spent in each stage/);
    for (const s of time.stages) {
      const r = row(timeRows, STAGE_NAMES[s.stage]!);
      expect(num(r[1])).toBe(s.completed.count);
      expect(r[2]).toBe(s.completed.medianDays === null ? '—' : String(s.completed.medianDays));
    }
    const benchRows = await tableRows(page, /^Bench strength per leadership role/);
    expect(benchRows).toHaveLength(bench.roles.length + 1);
    const totals = row(benchRows, 'All roles');
    expect(num(totals[2])).toBe(bench.totals.positions);
    expect(num(totals[7])).toBe(bench.totals.candidates.readyNow);
    for (const role of bench.roles) expect(row(benchRows, role.title).at(-1)).toBe(role.atRisk ? 'Yes' : 'No');
    // The forecast's coverage: each role's ready people as the API counts them.
    const forecast = (
      await api<{ groups: { title: string; coverage: { readyNow: number; readyIn1To2Years: number } | null }[] }>(
        page,
        '/forecast',
      )
    ).body;
    const coverageRows = await tableRows(page, /^Ready candidates against the openings forecast/);
    for (const g of forecast.groups.filter((x) => x.coverage)) {
      const r = row(coverageRows, g.title);
      expect([num(r[1]), num(r[2])]).toEqual([g.coverage!.readyNow, g.coverage!.readyIn1To2Years]);
    }

    const opp = (
      await api<{ totals: { seats: number; seatsFilled: number; completions: number } }>(
        page,
        '/dashboard/opportunities',
      )
    ).body;
    const all = row(await tableRows(page, /^Development opportunities by type/), 'All types');
    expect([num(all[2]), num(all[5]), num(all[6])]).toEqual([
      opp.totals.seats,
      opp.totals.seatsFilled,
      opp.totals.completions,
    ]);

    const noms = (
      await api<{
        byKind: { kind: string; total: number; submitted: number }[];
        bySchool: { schoolName: string | null; nominations: number }[];
      }>(page, '/dashboard/nominations')
    ).body;
    const principal = row(await tableRows(page, /^Nominations made during/), 'Principal');
    const p = noms.byKind.find((k) => k.kind === 'principal')!;
    expect([num(principal[1]), num(principal[2])]).toEqual([p.total, p.submitted]);
    const schools = await tableRows(page, /^Nominations by the nominee/);
    for (const s of noms.bySchool) expect(num(row(schools, s.schoolName ?? 'District office')[1])).toBe(s.nominations);

    const heat = (
      await api<{ competencies: { code: string; overall: { candidates: number; rated: number } }[] }>(
        page,
        '/dashboard/competencies',
      )
    ).body;
    const heatRows = await tableRows(page, /^Current competency levels against role targets/);
    for (const c of heat.competencies) {
      const r = heatRows.find((cells) => cells[0]!.includes(` ${c.code}: `) && cells[1] === 'All')!;
      expect([num(r[3]), num(r[4])]).toEqual([c.overall.candidates, c.overall.rated]);
    }
    await shot(page, 'dashboard-superintendent-tables');
    await expectAccessible(page, 'dashboard with its tables');
    await page.context().close();
  });

  it('equity shows a suppressed cell as "<threshold", never its number', async () => {
    const page = await newPage(browser);
    await login(page, 'superintendent@riverbend.example');
    const equity = (await api<Equity>(page, '/dashboard/equity?dimension=gender')).body;
    const section = page.getByRole('region', { name: 'Equity: representation by gender' });
    // Withheld counts are one grey bar in the chart, so no stage reads as "100 % one group".
    await section.getByText(`Withheld (<${equity.threshold} each)`).first().waitFor();
    await section.getByRole('button', { name: 'Show table' }).click();
    expect(await expectEquityMatches(page, equity)).toBeGreaterThan(0);
    await section
      .getByText(/rounded to a multiple of 3 \(off by at most 2\).*totals are exact/)
      .first()
      .waitFor();
    await docShot(section, 'dashboard-equity-figure');
    // The other dimension, from the figure's own control.
    await section.getByLabel('Group by').click();
    await page.getByRole('option', { name: 'Race and ethnicity' }).click();
    await page.getByRole('heading', { name: 'Equity: representation by race and ethnicity' }).waitFor();
    await page.waitForURL(/dimension=raceEthnicity/);
    const race = (await api<Equity>(page, '/dashboard/equity?dimension=raceEthnicity')).body;
    const raceRows = await tableRows(page, /^People by race and ethnicity/);
    expect(raceRows.map((r) => r[0])).toContain('Not recorded');
    const suppressedRace = race.representation.rows.flatMap((r) => r.cells).filter((c) => c.suppressed).length;
    expect(raceRows.flat().filter((t) => t === `<${race.threshold}`).length).toBeGreaterThanOrEqual(suppressedRace);
    await shot(page, 'dashboard-equity');
    await expectAccessible(page, 'equity figure');
    await page.context().close();
  });

  it('a funnel bar opens the candidate list filtered to that stage and the dashboard’s filters', async () => {
    const page = await newPage(browser);
    await login(page, 'superintendent@riverbend.example');
    await page.getByLabel('Level').click();
    await page.getByRole('option', { name: 'School' }).click();
    await page.waitForURL(/level=school/);
    const funnel = (await api<Funnel>(page, '/dashboard/funnel?level=school')).body;
    const i = funnel.stages.findIndex((s) => s.stage === 'developing');
    const developing = funnel.stages[i]!.current;
    expect(developing).toBeGreaterThan(0);
    // Zero bars are not drawn: the developing bar is preceded by the drawn bars of earlier stages.
    const barIndex = funnel.stages.slice(0, i).filter((s) => s.current > 0).length;
    const section = page.getByRole('region', { name: 'Pipeline funnel' });
    await section.getByText(`${funnel.activeTotal} candidacies are active`).waitFor();
    await section.locator('.recharts-bar-rectangle').nth(barIndex).click();
    await page.waitForURL(/#\/candidates\?/);
    const filter = JSON.parse(new URL(page.url().replace('/#/', '/')).searchParams.get('filter')!);
    expect(filter).toEqual({ stage: 'developing', level: 'school' });
    await page.getByRole('tab', { name: `Developing (${developing})`, selected: true }).waitFor();
    const listed = await api<unknown[]>(page, `/candidates?filter=${filterParam(filter)}&range=[0,0]`);
    expect(listed.total).toBe(developing);
    await shot(page, 'dashboard-funnel-click');
    await page.context().close();
  });

  it('downloads a figure’s data as CSV built in the browser', async () => {
    const page = await newPage(browser);
    await login(page, 'superintendent@riverbend.example');
    const funnel = (await api<Funnel>(page, '/dashboard/funnel')).body;
    const section = page.getByRole('region', { name: 'Pipeline funnel' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('emerge-funnel.csv');
    const lines = readFileSync((await download.path())!, 'utf8')
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Stage,Now,Entered in period,Moved on to next stage');
    expect(lines).toHaveLength(funnel.stages.length + 1);
    const developing = funnel.stages.find((s) => s.stage === 'developing')!;
    expect(lines.find((l) => l.startsWith('Developing,'))).toMatch(
      new RegExp(`^Developing,${developing.current},${developing.entered},`),
    );
    // Equity: a suppressed count is "<threshold" in the file too; a quoted field keeps its comma.
    const equity = (await api<Equity>(page, '/dashboard/equity?dimension=gender')).body;
    const [eq] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV: counts' }).click(),
    ]);
    const csv = readFileSync((await eq.path())!, 'utf8');
    const female = csv.split('\r\n').find((l) => l.startsWith('Female,'))!;
    const cells = equity.representation.rows.find((r) => r.group === 'female')!.cells;
    expect(female).toBe(['Female', ...cells.map((c) => (c.suppressed ? `<${equity.threshold}` : c.count))].join(','));
    const [bench] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('region', { name: 'Bench strength' }).getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const benchLines = readFileSync((await bench.path())!, 'utf8').split('\r\n');
    expect(benchLines[0]).toMatch(/^\ufeff?Leadership role,Level,Seats,Vacant now,/);
    const benchApi = (await api<Bench>(page, '/dashboard/bench')).body;
    const allRoles = benchLines.find((l) => l.startsWith('All roles,'))!;
    expect(allRoles.split(',').slice(0, 5)).toEqual([
      'All roles',
      '',
      String(benchApi.totals.positions),
      String(benchApi.totals.vacantNow),
      String(benchApi.totals.opening12Months),
    ]);
    expect(allRoles).toMatch(new RegExp(`,${benchApi.rolesAtRisk.length} at risk$`));
    await page.context().close();
  });

  it('quotes CSV fields as RFC 4180 says', () => {
    expect(
      toCsv([
        ['a,b', 'say "hi"', null, 3],
        ['two\nlines', '<10', 0, 1.5],
      ]),
    ).toBe('"a,b","say ""hi""",,3\r\n"two\nlines",<10,0,1.5\r\n');
  });

  it('prints: a report with every figure as tables, without the menu', async () => {
    const page = await newPage(browser);
    await login(page, 'superintendent@riverbend.example');
    await page.getByRole('link', { name: 'Print view' }).click();
    await page.waitForURL(/#\/dashboard\/print/);
    await page.getByRole('heading', { name: 'Leadership pipeline report', level: 1 }).waitFor();
    for (const title of FIGURES) await page.getByRole('heading', { name: title, level: 2 }).waitFor();
    for (const caption of [
      'Key figures',
      /^Candidacies per stage now/,
      /^Exits by reason/,
      /^Days spent in each stage/,
      /^Bench strength per leadership role/,
      /^Current competency levels/,
      /^Nominations made during/,
      /^Nominations by the nominee/,
      /^Development opportunities by type/,
      /^People by gender/,
      /^Stage-to-stage conversion by group/,
    ])
      await page.locator('caption', { hasText: caption }).first().waitFor();
    expect(await page.locator('.recharts-wrapper').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Show table' }).count()).toBe(0);
    const funnel = (await api<Funnel>(page, '/dashboard/funnel')).body;
    expect(num(row(await tableRows(page, 'Key figures'), 'Active candidates')[1])).toBe(funnel.activeTotal);
    await shot(page, 'dashboard-print');
    await page.emulateMedia({ media: 'print' });
    await docShot(page, 'dashboard-print-paper');
    await page.emulateMedia({ media: 'screen' });
    await expectAccessible(page, 'print view');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.RaSidebar-root').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    await page.context().close();
  });
});

describeBrowser('dashboards of other roles', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('a coordinator gets every figure but equity; a principal only their schools; an educator none', async () => {
    const page = await newPage(browser);
    await login(page, 'coordinator@riverbend.example');
    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Development opportunities', level: 2 }).waitFor();
    expect(await page.getByRole('heading', { name: /^Equity/ }).count()).toBe(0);
    await expectAccessible(page, 'coordinator dashboard');
    await page.context().close();

    const principal = await newPage(browser);
    await login(principal, 'principal@riverbend.example');
    await principal.getByRole('menuitem', { name: 'Dashboard' }).click();
    await principal.getByRole('heading', { name: 'Bench strength', level: 2 }).waitFor();
    await principal.getByRole('combobox', { name: 'School', exact: true }).click();
    const options = await principal.getByRole('option').allInnerTexts();
    expect(options).toEqual(['All schools', 'Riverbend High School']);
    await principal.keyboard.press('Escape');
    const funnel = (await api<Funnel>(principal, '/dashboard/funnel')).body;
    await principal.getByText(`${funnel.activeTotal} candidacies are active`).first().waitFor();
    await shot(principal, 'dashboard-principal');
    await expectAccessible(principal, 'principal dashboard');
    await principal.context().close();

    const educator = await newPage(browser);
    await login(educator, 'educator@riverbend.example');
    await educator.goto('/#/dashboard');
    await educator.getByText('The dashboards are for HR, the superintendent, coordinators and principals.').waitFor();
    expect((await api(educator, '/dashboard/funnel')).status).toBe(403);
    await educator.context().close();
  });
});

describeBrowser('role home pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('hr: the nomination review queue, the funnel and the positions at risk', async () => {
    const page = await newPage(browser);
    await login(page, 'hr@riverbend.example');
    const queue = await api<unknown[]>(page, `/nominations?filter=${filterParam({ status: 'submitted' })}&range=[0,0]`);
    await page.getByRole('heading', { name: `Nominations to review (${queue.total})` }).waitFor();
    const rows = await page
      .getByRole('table', { name: 'Nominations waiting for a decision' })
      .locator('tbody tr')
      .count();
    expect(rows).toBe(Math.min(5, queue.total!));
    await page.getByRole('heading', { name: 'Pipeline funnel' }).waitFor();
    const bench = (await api<Bench>(page, '/dashboard/bench')).body;
    const atRisk = page.getByRole('table', { name: 'Leadership roles at risk' });
    await atRisk.waitFor();
    const titles = await atRisk.locator('tbody th').allInnerTexts();
    expect(titles).toEqual(bench.roles.filter((r) => r.atRisk).map((r) => r.title));
    await shot(page, 'home-hr-queue');
    await expectAccessible(page, 'hr home');
    await page.getByRole('link', { name: 'Open the review queue' }).click();
    await page.getByRole('tab', { name: /^To review/, selected: true }).waitFor();
    await page.context().close();
  });

  it('coordinator: assignments due within 30 days or overdue, opportunities with seats left', async () => {
    const page = await newPage(browser);
    await login(page, 'coordinator@riverbend.example');
    const in30 = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const due = await api<{ overdue: boolean }[]>(
      page,
      `/assignments?filter=${filterParam({ status: ['assigned', 'in_progress'], dueTo: in30 })}&range=[0,7]`,
    );
    const seats = await api<unknown[]>(
      page,
      `/opportunities?filter=${filterParam({ hasSeats: true, closed: false })}&range=[0,0]`,
    );
    await page.getByRole('heading', { name: `Assignments due within 30 days or overdue (${due.total})` }).waitFor();
    await page.getByRole('heading', { name: `Opportunities with seats left (${seats.total})` }).waitFor();
    expect(due.total).toBeGreaterThan(0);
    const dueTable = page.getByRole('table', { name: 'Assignments due or overdue' });
    expect(await dueTable.locator('tbody tr').count()).toBe(due.body.length);
    expect(await dueTable.getByText(/^Overdue: /).count()).toBe(due.body.filter((a) => a.overdue).length);
    await shot(page, 'home-coordinator-due');
    await expectAccessible(page, 'coordinator home');
    await page.context().close();
  });

  it('principal: their school’s pipeline and a Nominate someone button', async () => {
    const page = await newPage(browser);
    await login(page, 'principal@riverbend.example');
    const funnel = (await api<Funnel>(page, '/dashboard/funnel')).body;
    const section = page.getByRole('region', { name: 'Your school’s pipeline' });
    await section.getByText(`${funnel.activeTotal} candidacies are active`).waitFor();
    await section.getByRole('button', { name: 'Show table' }).click();
    const rows = await tableRows(section, /^Candidacies per stage now/);
    for (const s of funnel.stages) expect(num(row(rows, STAGE_NAMES[s.stage]!)[1])).toBe(s.current);
    await page.getByRole('heading', { name: 'Recent nominations at your school' }).waitFor();
    await shot(page, 'home-principal-pipeline');
    await expectAccessible(page, 'principal home');
    await page.getByRole('link', { name: 'Nominate someone' }).click();
    await page.waitForURL(/#\/nominations\/create/);
    await page.context().close();
  });

  it('educator: my journey with the next step, assignments, recent evidence and unshared readiness', async () => {
    const page = await newPage(browser);
    await login(page, 'educator@riverbend.example');
    const candidacies = (await api<{ id: string; roleTitle: string; stage: string }[]>(page, '/candidates')).body;
    const c = candidacies[0]!;
    await page.getByRole('heading', { name: `${c.roleTitle}: ${STAGE_NAMES[c.stage]}` }).waitFor();
    await page.getByText('Next step:').first().waitFor();
    const readiness = (await api<{ shared: boolean }>(page, `/candidates/${c.id}/readiness`)).body;
    if (!readiness.shared) await page.getByText('appears here once HR shares it with you').waitFor();
    const mine = await api<unknown[]>(
      page,
      `/assignments?filter=${filterParam({ status: ['assigned', 'in_progress', 'completed'] })}&range=[0,9]`,
    );
    await page.getByRole('heading', { name: `My assignments (${mine.total})` }).waitFor();
    expect(await page.getByRole('table', { name: 'My assignments' }).locator('tbody tr').count()).toBe(
      mine.body.length,
    );
    const evidence = await api<{ competencyCode: string }[]>(
      page,
      `/evidence?filter=${filterParam({ candidateId: candidacies.map((x) => x.id) })}&sort=["observedOn","DESC"]&range=[0,4]`,
    );
    const shown = await page.getByRole('table', { name: 'Recent evidence' }).locator('tbody th').allInnerTexts();
    expect(shown.map((s) => s.split(':')[0])).toEqual(evidence.body.map((e) => e.competencyCode));
    await shot(page, 'home-educator-journey');
    await expectAccessible(page, 'educator home');
    await page.context().close();
  });
});

describeBrowser('district settings', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('hr sets the small-cell threshold; the superintendent reads it and the equity figures use it at once', async () => {
    const sup = await newPage(browser);
    await login(sup, 'superintendent@riverbend.example');
    await sup.getByRole('menuitem', { name: 'District settings' }).click();
    await sup.getByTestId('threshold').waitFor();
    expect(await sup.getByRole('spinbutton').count()).toBe(0);
    expect(await sup.getByTestId('threshold').innerText()).toMatch(/Current threshold: 10\b/);
    await expectAccessible(sup, 'settings (superintendent)');

    const hr = await newPage(browser);
    await login(hr, 'hr@riverbend.example');
    await hr.getByRole('menuitem', { name: 'District settings' }).click();
    const input = hr.getByLabel('Small-cell threshold');
    await hr.getByText(/^Last changed/).waitFor();
    expect(await input.inputValue()).toBe('10');
    await input.fill('3');
    await hr.getByText('A whole number from 5 to 100').waitFor();
    expect(await hr.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    await input.fill('12');
    await shot(hr, 'district-settings');
    await expectAccessible(hr, 'settings (hr)');
    await hr.getByRole('button', { name: 'Save', exact: true }).click();
    await hr.getByText('Small-cell threshold set to 12').waitFor();

    await sup.goto('/#/dashboard');
    const equity = (await api<Equity>(sup, '/dashboard/equity?dimension=gender')).body;
    expect(equity.threshold).toBe(12);
    await sup
      .getByRole('region', { name: 'Equity: representation by gender' })
      .getByRole('button', { name: 'Show table' })
      .click();
    expect(await expectEquityMatches(sup, equity)).toBeGreaterThan(0);
    await sup.getByText(/threshold of 12/).waitFor();

    // Back to the demo's default for the other journeys.
    await input.fill('10');
    await hr.getByRole('button', { name: 'Save', exact: true }).click();
    await hr.getByText('Small-cell threshold set to 10').waitFor();
    await sup.context().close();
    await hr.context().close();
  });
});

describeBrowser('dashboard of a district with many schools', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('charts the 15 schools where identification lags most and tables them all', async () => {
    // A district of its own, so the demo's figures stay as the other journeys expect them.
    const suffix = randomBytes(3).toString('hex');
    const admin = await tokenFor('platform@emerge.example');
    const district = (await callApi(admin, 'POST', '/districts', {
      name: `Many Schools ${suffix}`,
      slug: `many-${suffix}`,
    })) as {
      id: string;
    };
    const email = `hr.${suffix}@many.example`;
    const password = `many-pass-${suffix}-x`;
    const { setPasswordPath } = (await callApi(admin, 'POST', '/users', {
      email,
      name: 'Harper Many',
      role: 'hr',
      districtId: district.id,
    })) as { setPasswordPath: string };
    await callApi('', 'POST', '/auth/set-password', {
      token: new URLSearchParams(setPasswordPath.split('?')[1]).get('token'),
      password,
    });
    const hr = await tokenFor(email, password);
    const schools = 18;
    for (let i = 1; i <= schools; i++) {
      const school = (await callApi(hr, 'POST', '/schools', {
        name: `School ${String(i).padStart(2, '0')}`,
        code: `S${i}`,
        gradeBand: 'elementary',
      })) as { id: string };
      // School i has i eligible teachers, none nominated: the chart keeps the 15 biggest gaps (04 to 18).
      for (let j = 0; j < i; j++)
        await callApi(hr, 'POST', '/educators', {
          employeeNumber: `M-${i}-${j}`,
          firstName: 'Eli',
          lastName: `Gible${i}x${j}`,
          schoolId: school.id,
          jobTitle: 'Teacher',
          yearsInEducation: 5,
        });
    }

    const page = await newPage(browser);
    await login(page, email, password);
    await page.goto('/#/dashboard');
    const figure = page.getByRole('region', { name: 'Nominations by school' });
    await figure
      .getByText(
        `The chart shows 15 of the ${schools} schools and the district office: those with the most eligible educators never nominated`,
      )
      .waitFor();
    const tick = figure.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
    await tick.first().waitFor();
    const ticks = await tick.allTextContents();
    expect(ticks).toEqual(Array.from({ length: 15 }, (_, k) => `School ${String(schools - k).padStart(2, '0')}`));
    await figure.getByRole('button', { name: 'Show table' }).click();
    const rows = await tableRows(figure, /school/i);
    expect(rows.filter((r) => r[0]!.startsWith('School '))).toHaveLength(schools);
    await expectAccessible(page, 'dashboard, many schools');
    await page.context().close();
  });
});
