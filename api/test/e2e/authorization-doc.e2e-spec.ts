import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderAuthorizationDoc } from '../../src/auth/authorization-doc.js';
import { routeInventory } from '../../src/auth/route-inventory.js';
import { createTestApp, TestApp } from '../test-app.js';

const DOC = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/authorization.md');

describe('docs/authorization.md', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the same routes as the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json');
    const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
      .sort();
    const inventory = routeInventory(t.app)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(inventory).toEqual(documented);
  });

  it('is what the generator makes of the running routes (run npm run authz:doc when this fails)', async () => {
    const current = await readFile(DOC, 'utf8').catch(() => '');
    const expected = renderAuthorizationDoc(routeInventory(t.app));
    // A line diff is easier to act on than the whole file.
    const stale = expected.split('\n').filter((line) => !current.split('\n').includes(line));
    const removed = current.split('\n').filter((line) => !expected.split('\n').includes(line));
    expect({ stale, removed }).toEqual({ stale: [], removed: [] });
    expect(current).toBe(expected);
  });
});
