import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startScratchServer } from '../database/scratch.js';
import { schemaDiff } from './schema-diff.js';

// Writes migrations/src/<unix-ms>-<Name>.ts from the entity diff and appends it to the list. Read the SQL after.
const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  process.stderr.write('Usage: npm run db:migration:generate -- AddSomething (PascalCase)\n');
  process.exit(2);
}
const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../migrations/src');
const server = await startScratchServer();
try {
  const diff = await schemaDiff(await server.createDatabase('emerge_migration_generate'));
  // An enum shared by several columns is created (and dropped) once.
  const once = (qs: string[]) => qs.filter((q, i) => !/^(CREATE|DROP) TYPE /.test(q) || qs.indexOf(q) === i);
  const up = once(diff.up);
  const down = once(diff.down);
  if (up.length === 0) {
    process.stdout.write('No changes: the entities match the migrations.\n');
  } else {
    const stamp = Date.now();
    const cls = `${name}${stamp}`;
    const lines = (qs: string[]) => qs.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
    const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${cls} implements MigrationInterface {
  name = '${cls}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
    const file = `${stamp}-${name}`;
    await writeFile(resolve(dir, `${file}.ts`), body);
    await writeIndex(dir);
    process.stdout.write(
      `Wrote migrations/src/${file}.ts (${up.length} statements). Read it, name constraints, check down().\n`,
    );
  }
} finally {
  await server.stop();
}

/** Rewrites the ordered list from the files (`<unix-ms>-<Name>.ts` sorts by time); what follows it is kept. */
async function writeIndex(folder: string): Promise<void> {
  const old = await readFile(resolve(folder, 'index.ts'), 'utf8').catch(() => '');
  const tail = old.includes('\n];\n') ? old.slice(old.indexOf('\n];\n') + 4) : '';
  const files = (await readdir(folder)).filter((f) => /^\d+-[A-Za-z0-9]+\.ts$/.test(f)).sort();
  const entries = files.map((f) => {
    const [stamp, rest] = f.replace(/\.ts$/, '').split('-') as [string, string];
    return { file: f.replace(/\.ts$/, ''), cls: `${rest}${stamp}` };
  });
  const text =
    [
      ...entries.map((e) => `import { ${e.cls} } from './${e.file}.js';`),
      '',
      '// The ordered list of migrations. `npm run db:migration:generate -- Name` rewrites it.',
      'export const migrations: (new () => object)[] = [',
      ...entries.map((e) => `  ${e.cls},`),
      '];',
      '',
    ].join('\n') + tail.replace(/^\n*/, tail.trim() ? '\n' : '');
  await writeFile(resolve(folder, 'index.ts'), text);
}
