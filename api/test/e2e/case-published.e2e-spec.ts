import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { createTestApp, TestApp } from '../test-app.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- published packages are free-form JSON */

// Real CASE 1.0 packages from public repositories (sources in test/fixtures/case/README.md).
const DIR = new URL('../fixtures/case/', import.meta.url);
const PACKAGES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, pkg: JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as any }));

describe('real published CASE packages import whole', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has packages to try', () => {
    expect(PACKAGES.length).toBeGreaterThanOrEqual(3);
  });

  it.each(PACKAGES.map((p) => [p.file, p.pkg]))(
    '%s: every item, as published; a re-import changes nothing; the export imports as the same tree',
    async (_file, raw) => {
      const pkg = raw.CFPackage ?? raw;
      const districtId = (await t.factories.createDistrict()).id;
      const hr = await t.login((await t.factories.createUser({ role: 'hr', districtId })).email);
      const res = await t.http().post('/api/competency-frameworks/import').auth(hr, { type: 'bearer' }).send(raw);
      expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 201, errors: undefined });
      const items: any[] = pkg.CFItems;
      const identifiers = new Set(items.map((i) => String(i.identifier).toLowerCase()));
      expect(res.body.framework.nodeCount).toBe(identifiers.size);
      expect(res.body.created.items).toBe(identifiers.size);

      const nodes: any[] = await t.db.query(
        `SELECT lower(case_identifier) AS id, code, title, description, item_type AS "itemType", case_item AS "caseItem"
         FROM competencies WHERE framework_id = $1`,
        [res.body.framework.id],
      );
      expect(new Set(nodes.map((n) => n.id))).toEqual(identifiers);
      const byId = new Map(nodes.map((n) => [n.id, n]));
      for (const item of items) {
        const node = byId.get(String(item.identifier).toLowerCase());
        if (item.humanCodingScheme?.trim()) expect(node.code).toBe(item.humanCodingScheme.trim());
        expect(node.itemType).toBe(item.CFItemType?.trim() || null);
        const statement = String(item.fullStatement).trim();
        expect(statement.length > 400 ? node.description.startsWith(statement) : node.title === statement).toBe(true);
        expect(node.caseItem).toEqual(item);
      }
      // Every association is accounted for: in the tree, a crosswalk link, kept as published, or merged away.
      const [kept] = await t.db.query(
        `SELECT (SELECT count(*) FROM case_associations WHERE framework_id = $1)::int AS associations,
              (SELECT count(*) FROM competencies WHERE framework_id = $1 AND parent_id IS NOT NULL)::int AS placed`,
        [res.body.framework.id],
      );
      expect(kept.associations).toBe(res.body.created.associations);
      const childOf = pkg.CFAssociations.filter((a: any) => a.associationType === 'isChildOf').length;
      expect(kept.placed).toBeLessThanOrEqual(childOf);

      // Round trip: the export gives back every item as published, and imports elsewhere as the same tree.
      const exported = await t
        .http()
        .get(`/api/competency-frameworks/${res.body.framework.id}/case`)
        .auth(hr, { type: 'bearer' });
      expect(exported.status).toBe(200);
      const back = new Map(exported.body.CFItems.map((i: any) => [String(i.identifier).toLowerCase(), i]));
      for (const item of items)
        expect(back.get(String(item.identifier).toLowerCase())).toEqual(expect.objectContaining(item));
      const otherDistrict = (await t.factories.createDistrict()).id;
      const otherHr = await t.login((await t.factories.createUser({ role: 'hr', districtId: otherDistrict })).email);
      const copy = await t
        .http()
        .post('/api/competency-frameworks/import')
        .auth(otherHr, { type: 'bearer' })
        .send(exported.body);
      expect(copy.status).toBe(201);
      const shape = (frameworkId: string) =>
        t.db.query(
          `SELECT lower(c.case_identifier) AS id, c.code, c.title, c.position, lower(p.case_identifier) AS parent
           FROM competencies c LEFT JOIN competencies p ON p.id = c.parent_id WHERE c.framework_id = $1 ORDER BY 1`,
          [frameworkId],
        );
      expect(await shape(copy.body.framework.id)).toEqual(await shape(res.body.framework.id));

      const again = await t.http().post('/api/competency-frameworks/import').auth(hr, { type: 'bearer' }).send(raw);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(
        expect.objectContaining({
          changed: false,
          created: { framework: 0, items: 0, links: 0, associations: 0 },
          updated: { framework: 0, items: 0, links: 0, associations: 0 },
          removed: { associations: 0 },
        }),
      );
    },
  );
});
