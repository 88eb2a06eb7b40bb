import { loadConfig } from '../config/config.js';
import { createDataSource } from '../database/data-source.js';
import { startDatabase } from '../database/database.js';
import { backtest, schoolYearName, schoolYearOfDay, scoreBacktest } from '../modules/succession/forecast-model.js';
import { ForecastRepository } from '../modules/succession/forecast.repository.js';
import { eligibleYears, historyFromYear } from '../modules/succession/forecast.service.js';

// npm run forecast:backtest -- [--district <slug or id>]: replays each district's seat history (docs/forecast.md).
const usage = 'Usage: npm run forecast:backtest -- [--district <slug or id>] [--simulations <n>]';
const args = process.argv.slice(2);
let only: string | undefined;
let simulations = 1000;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--district' && args[i + 1]) only = args[++i];
  else if (a === '--simulations' && /^\d+$/.test(args[i + 1] ?? '')) simulations = Number(args[++i]);
  else if (a === '--help' || a === '-h') {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  } else {
    process.stderr.write(`Unknown argument ${a}. ${usage}\n`);
    process.exit(2);
  }
}

const out = (line = '') => process.stdout.write(`${line}\n`);
const pad = (s: string | number, n: number) => String(s).padStart(n);
const { DATABASE_URL, EMERGE_DATA_DIR, EMBEDDED_PG_PORT } = process.env;
const db = await startDatabase(loadConfig({ DATABASE_URL, EMERGE_DATA_DIR, EMBEDDED_PG_PORT }));
const ds = createDataSource(db.url);
let code = 0;
try {
  await ds.initialize();
  const districts = (await ds.query(
    `SELECT d.id, d.slug, d.name FROM districts d
      WHERE ($1::text IS NULL OR d.slug = $1 OR d.id::text = $1)
        AND EXISTS (SELECT 1 FROM seat_tenures t WHERE t.district_id = d.id)
      ORDER BY d.name`,
    [only ?? null],
  )) as { id: string; slug: string; name: string }[];
  if (districts.length === 0) {
    process.stderr.write(only ? `No district ${only} with a seat history.\n` : 'No district has a seat history yet.\n');
    code = 1;
  }
  const repository = new ForecastRepository(ds);
  const lastYear = schoolYearOfDay(new Date().toISOString().slice(0, 10)) - 1;
  for (const d of districts) {
    const inputs = await repository.inputs(d.id);
    const fromYear = historyFromYear(inputs.district.seatHistorySince);
    out(`${d.name} (${d.slug}): seat history since ${inputs.district.seatHistorySince}`);
    if (lastYear < fromYear) {
      out('  No complete school year of history yet: nothing to replay.');
      out();
      continue;
    }
    const eligible = eligibleYears(inputs);
    const rows = backtest({
      roles: inputs.roles,
      tenures: inputs.tenures,
      eligibleYearOf: (id) => (id === null ? null : (eligible.get(id) ?? null)),
      historyFromYear: fromYear,
      toYear: lastYear,
      simulations,
    });
    out(`  Each school year forecast on July 1 from what was known then, against the seats that opened.`);
    out(
      `  ${'role'.padEnd(28)} ${'year'.padEnd(7)} ${pad('seats', 5)} ${pad('expected', 8)} ${pad('80 %', 9)} ${pad('actual', 6)} ${pad('error', 6)}`,
    );
    const roleTitle = new Map(inputs.roles.map((r) => [r.id, r.title]));
    for (const r of rows) {
      const inside = r.actual >= r.low && r.actual <= r.high;
      out(
        `  ${(roleTitle.get(r.roleId) ?? r.roleId).slice(0, 28).padEnd(28)} ${schoolYearName(r.schoolYear).padEnd(7)} ${pad(r.seats, 5)} ${pad(r.expected.toFixed(2), 8)} ${pad(`${r.low}–${r.high}`, 9)} ${pad(r.actual, 6)} ${pad(Math.abs(r.expected - r.actual).toFixed(2), 6)}${inside ? '' : '  outside'}`,
      );
    }
    out();
    out(`  ${'role'.padEnd(28)} ${pad('years', 5)} ${pad('MAE', 6)} ${pad('target', 7)} ${pad('in 80 %', 8)}`);
    for (const role of inputs.roles) {
      const mine = rows.filter((r) => r.roleId === role.id);
      if (mine.length === 0) continue;
      const s = scoreBacktest(mine);
      const target = Math.max(2, 0.2 * s.meanActual);
      out(
        `  ${role.title.slice(0, 28).padEnd(28)} ${pad(mine.length, 5)} ${pad(s.mae.toFixed(2), 6)} ${pad(`≤ ${target.toFixed(1)}`, 7)} ${pad(`${Math.round(s.coverage * 100)} %`, 8)}${s.mae <= target ? '' : '  MAE over target'}`,
      );
    }
    const all = scoreBacktest(rows);
    out(
      `  All roles: ${rows.length} role-years, MAE ${all.mae.toFixed(2)}, ${Math.round(all.coverage * 100)} % of outcomes inside the 80 % interval (target 70–90 %).`,
    );
    out();
  }
} catch (e) {
  process.stderr.write(`Backtest failed: ${(e as Error)?.stack ?? String(e)}\n`);
  code = 1;
} finally {
  await ds.destroy().catch(() => undefined);
  await db.stop();
}
process.exit(code);
