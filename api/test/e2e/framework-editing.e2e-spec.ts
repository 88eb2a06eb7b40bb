import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { errorBody, expected } from '../expected-errors.js';
import { createTestApp, TestApp } from '../test-app.js';

const FIVE = [1, 2, 3, 4, 5].map((level) => ({ level, label: `L${level}` }));

describe('district framework editing', () => {
  let t: TestApp;
  let districtId: string;
  let hr: string;
  let coordinator: string;
  let principal: string;
  let otherHr: string;
  let reference: { id: string; version: number };
  let refNode: { id: string };
  let refNode2: { id: string };
  let foreignNode: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    districtId = (await f.createDistrict()).id;
    const otherId = (await f.createDistrict()).id;
    reference = await f.createFramework({ shortName: 'REF', title: 'Reference' });
    refNode = await f.createCompetency({ frameworkId: reference.id, code: 'REF-1' });
    refNode2 = await f.createCompetency({ frameworkId: reference.id, code: 'REF-2' });
    const foreign = await f.createFramework({ districtId: otherId, shortName: 'FOR' });
    foreignNode = await f.createCompetency({ frameworkId: foreign.id, code: 'FOR-1' });
    hr = await t.login((await f.createUser({ role: 'hr', districtId })).email);
    coordinator = await t.login((await f.createUser({ role: 'coordinator', districtId })).email);
    principal = await t.login((await f.createUser({ role: 'principal', districtId })).email);
    otherHr = await t.login((await f.createUser({ role: 'hr', districtId: otherId })).email);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).auth(token, { type: 'bearer' }),
    post: (path: string, body: object) => t.http().post(path).send(body).auth(token, { type: 'bearer' }),
    put: (path: string, body: object) => t.http().put(path).send(body).auth(token, { type: 'bearer' }),
    delete: (path: string) => t.http().delete(path).auth(token, { type: 'bearer' }),
  });

  let framework: Record<string, unknown> & { id: string; version: number };
  let domain: Record<string, unknown> & { id: string };
  let competency: Record<string, unknown> & { id: string; version: number };
  let indicator: { id: string };

  describe('POST /api/competency-frameworks', () => {
    it('is a 403 without CompetencyManage', async () => {
      expect((await as(principal).post('/api/competency-frameworks', { title: 'X', shortName: 'X' })).body).toEqual(
        expected.forbidden,
      );
    });

    it('checks the rubric', async () => {
      const res = await as(coordinator).post('/api/competency-frameworks', {
        title: 'Bad',
        shortName: 'B',
        rubric: [
          { level: 1, label: 'One' },
          { level: 3, label: 'Three' },
        ],
      });
      expect(res.body).toEqual(
        expected.validation({ rubric: 'levels must be numbered 1, 2, 3… in order (position 2 has level 3)' }),
      );
    });

    it('creates a district framework with the default rubric and a unique key', async () => {
      const res = await as(coordinator).post('/api/competency-frameworks', {
        title: 'Coaching Standards',
        shortName: 'CS',
        description: 'How our coaches lead.',
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        districtId,
        reference: false,
        key: `${districtId}:coaching-standards`,
        title: 'Coaching Standards',
        shortName: 'CS',
        source: '',
        description: 'How our coaches lead.',
        rubric: [
          { level: 1, label: 'Emerging' },
          { level: 2, label: 'Developing' },
          { level: 3, label: 'Proficient' },
          { level: 4, label: 'Exemplary' },
        ],
        nodeCount: 0,
        license: null,
        sourceUri: null,
        sourceChangedAt: null,
        itemTypes: [],
        externalLinkCount: 0,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const again = await as(hr).post('/api/competency-frameworks', { title: 'Coaching Standards', shortName: 'CS2' });
      expect(again.body.key).toBe(`${districtId}:coaching-standards-2`);
      framework = (
        await as(hr).post('/api/competency-frameworks', { title: 'Leading Learning', shortName: 'LL', rubric: FIVE })
      ).body;
    });
  });

  describe('POST /api/competencies', () => {
    it('refuses reference and foreign frameworks, a parent elsewhere and a shallower kind', async () => {
      expect(
        (await as(hr).post('/api/competencies', { frameworkId: reference.id, kind: 'domain', code: 'A', title: 'A' }))
          .body,
      ).toEqual(
        expected.validation({
          frameworkId: "frameworkId must be one of your district's own frameworks (reference frameworks are read-only)",
        }),
      );
      expect(
        (
          await as(hr).post('/api/competencies', {
            frameworkId: framework.id,
            parentId: refNode.id,
            kind: 'competency',
            code: 'A',
            title: 'A',
          })
        ).body,
      ).toEqual(expected.validation({ parentId: 'parentId must be a node of the same framework' }));
      expect(
        (
          await as(principal).post('/api/competencies', {
            frameworkId: framework.id,
            kind: 'domain',
            code: 'A',
            title: 'A',
          })
        ).status,
      ).toBe(403);
    });

    it('adds nodes: positions follow the last sibling, codes are unique in the framework', async () => {
      domain = (
        await as(coordinator).post('/api/competencies', {
          frameworkId: framework.id,
          kind: 'domain',
          code: 'LL-1',
          title: 'Vision',
        })
      ).body;
      expect(domain).toEqual({
        id: expect.any(String),
        frameworkId: framework.id,
        frameworkShortName: 'LL',
        parentId: null,
        kind: 'domain',
        code: 'LL-1',
        title: 'Vision',
        description: '',
        position: 0,
        caseIdentifier: null,
        itemType: null,
        educationLevels: [],
        listEnumeration: null,
        language: null,
        reference: false,
        version: 1,
      });
      const second = await as(coordinator).post('/api/competencies', {
        frameworkId: framework.id,
        kind: 'domain',
        code: 'LL-2',
        title: 'People',
      });
      expect(second.body.position).toBe(1);
      competency = (
        await as(coordinator).post('/api/competencies', {
          frameworkId: framework.id,
          parentId: domain.id,
          kind: 'competency',
          code: 'LL-1.1',
          title: 'Shares a vision',
        })
      ).body;
      indicator = (
        await as(coordinator).post('/api/competencies', {
          frameworkId: framework.id,
          parentId: competency.id,
          kind: 'indicator',
          code: 'LL-1.1.a',
          title: 'Runs visioning sessions',
        })
      ).body;
      const bad = await as(coordinator).post('/api/competencies', {
        frameworkId: framework.id,
        parentId: indicator.id,
        kind: 'domain',
        code: 'LL-9',
        title: 'Upside down',
      });
      expect(bad.body).toEqual(expected.validation({ kind: 'a domain cannot sit under an indicator' }));
      const dup = await as(coordinator).post('/api/competencies', {
        frameworkId: framework.id,
        kind: 'domain',
        code: 'LL-1',
        title: 'Again',
      });
      expect(dup.body).toEqual(expected.unique({ code: 'Another node of this framework has this code' }));
    });
  });

  describe('PUT /api/competencies/:id', () => {
    it('is a 404 for a reference or another district node', async () => {
      const body = { kind: 'domain', code: 'X', title: 'X', version: 1 };
      expect((await as(hr).put(`/api/competencies/${refNode.id}`, body)).body).toEqual(expected.notFound);
      expect((await as(hr).put(`/api/competencies/${foreignNode.id}`, body)).body).toEqual(expected.notFound);
      expect((await as(principal).put(`/api/competencies/${refNode.id}`, body)).body).toEqual(expected.forbidden);
    });

    it('edits a node with its own version, refuses cycles and stale versions', async () => {
      const current = (await as(hr).get(`/api/competencies/${competency.id}`)).body;
      expect(current.version).toBe(1);
      const cycle = await as(hr).put(`/api/competencies/${domain.id}`, {
        ...domain,
        parentId: indicator.id,
        kind: 'indicator',
      });
      expect(cycle.body).toEqual(
        expected.validation({
          parentId: 'a node cannot move under itself or one of its descendants',
          kind: 'an indicator cannot have competency children; change those first',
        }),
      );
      const demote = await as(hr).put(`/api/competencies/${domain.id}`, { ...domain, kind: 'indicator' });
      expect(demote.body).toEqual(
        expected.validation({ kind: 'an indicator cannot have competency children; change those first' }),
      );
      const readOnly = await as(hr).put(`/api/competencies/${competency.id}`, {
        ...current,
        frameworkId: reference.id,
      });
      expect(readOnly.body).toEqual(
        expected.readOnly({ frameworkId: 'frameworkId cannot be changed here: a node stays in its framework' }),
      );
      const ok = await as(hr).put(`/api/competencies/${competency.id}`, {
        ...current,
        title: 'Builds a shared vision',
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual(expect.objectContaining({ title: 'Builds a shared vision', version: 2, crosswalk: [] }));
      const stale = await as(hr).put(`/api/competencies/${competency.id}`, { ...current, title: 'Stale' });
      expect(stale.body).toEqual(expected.staleVersion);
      // The framework's own version is untouched by a node edit, and so are the other nodes'.
      expect((await as(hr).get(`/api/competency-frameworks/${framework.id}`)).body.version).toBe(1);
      expect((await as(hr).get(`/api/competencies/${domain.id}`)).body.version).toBe(1);
    });
  });

  describe('per-node versions', () => {
    /** Resolves once `n` statements of this database wait for a row lock. */
    const waitForLockWaiters = async (n: number) => {
      for (let i = 0; i < 200; i++) {
        const [row] = await t.db.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (row.waiting >= n) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`fewer than ${n} requests ever waited for the lock`);
    };

    type Node = Record<string, unknown> & { id: string; version: number; title: string };
    let tree: { id: string };
    const node = async (id: string): Promise<Node> => (await as(hr).get(`/api/competencies/${id}`)).body;
    const add = async (code: string, kind: string, parentId: string | null = null): Promise<Node> => {
      const res = await as(coordinator).post('/api/competencies', {
        frameworkId: tree.id,
        parentId,
        kind,
        code,
        title: code,
      });
      expect(res.status).toBe(201);
      return res.body;
    };

    beforeAll(async () => {
      tree = (await as(hr).post('/api/competency-frameworks', { title: 'Concurrent Standards', shortName: 'CC' })).body;
    });

    it('two people editing different nodes of one framework at the same time both save', async () => {
      const [a, b] = [await add('CC-A', 'domain'), await add('CC-B', 'domain')];
      const [first, second] = await Promise.all([
        as(hr).put(`/api/competencies/${a.id}`, { ...a, title: 'Edited by hr' }),
        as(coordinator).put(`/api/competencies/${b.id}`, { ...b, title: 'Edited by the coordinator' }),
      ]);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(first.body).toEqual(expect.objectContaining({ title: 'Edited by hr', version: 2 }));
      expect(second.body).toEqual(expect.objectContaining({ title: 'Edited by the coordinator', version: 2 }));
      // One after the other, each still from the copy read before the other's save.
      const again = await as(hr).put(`/api/competencies/${a.id}`, { ...first.body, description: 'Second pass' });
      expect(again.body.version).toBe(3);
      expect((await node(b.id)).version).toBe(2);
    });

    it('two saves of the same node from the same version: exactly one wins, the other is a 409', async () => {
      const a = await add('CC-SAME', 'domain');
      // The test holds the node's row while five saves arrive, then lets them all go at once: their reads of
      // the node really overlap, so a save that did not lock the node before checking its version would also win.
      const hold = t.db.createQueryRunner();
      await hold.startTransaction();
      await hold.query(`SELECT id FROM competencies WHERE id = $1 FOR UPDATE`, [a.id]);
      const saves = [1, 2, 3, 4, 5].map(
        (n) =>
          as(n % 2 ? hr : coordinator)
            .put(`/api/competencies/${a.id}`, { ...a, title: `Title ${n}` })
            .then((r) => r), // supertest sends only when awaited: start each request now
      );
      await waitForLockWaiters(5);
      await hold.commitTransaction();
      await hold.release();
      const results = await Promise.all(saves);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
      expect(results.filter((r) => r.status === 409).map((r) => r.body)).toEqual(Array(4).fill(expected.staleVersion));
      const won = results.find((r) => r.status === 200)!.body;
      expect(await node(a.id)).toEqual(expect.objectContaining({ title: won.title, version: 2 }));
    });

    it('framework edits and node edits do not make each other stale', async () => {
      const a = await add('CC-F', 'domain');
      const before = (await as(hr).get(`/api/competency-frameworks/${tree.id}`)).body;
      const renamed = await as(hr).put(`/api/competency-frameworks/${tree.id}`, { ...before, title: 'Renamed' });
      expect(renamed.body.version).toBe(before.version + 1);
      const edited = await as(hr).put(`/api/competencies/${a.id}`, { ...a, title: 'Still saves' });
      expect(edited.status).toBe(200);
      expect(edited.body.version).toBe(a.version + 1);
      const again = await as(hr).put(`/api/competency-frameworks/${tree.id}`, {
        ...renamed.body,
        description: 'Also saves',
      });
      expect(again.status).toBe(200);
      expect(again.body.version).toBe(before.version + 2);
      // A stale framework copy is still refused on the framework's own version.
      expect((await as(hr).put(`/api/competency-frameworks/${tree.id}`, before)).body).toEqual(expected.staleVersion);
    });

    it('reordering is a node edit: it needs only that node version and leaves its siblings alone', async () => {
      const parent = await add('CC-R', 'domain');
      const x = await add('CC-R.1', 'competency', parent.id);
      const y = await add('CC-R.2', 'competency', parent.id);
      const moved = await as(hr).put(`/api/competencies/${y.id}`, { ...y, position: 0 });
      expect(moved.body).toEqual(expect.objectContaining({ position: 0, version: 2 }));
      expect(await node(x.id)).toEqual(expect.objectContaining({ position: 0, version: 1 }));
    });

    it('two concurrent moves cannot make a loop: moves wait for each other and the second is checked', async () => {
      const root = await add('CC-L', 'domain');
      const a = await add('CC-L.1', 'competency', root.id);
      const b = await add('CC-L.2', 'competency', root.id);
      const [ab, ba] = await Promise.all([
        as(hr).put(`/api/competencies/${a.id}`, { ...a, parentId: b.id }),
        as(coordinator).put(`/api/competencies/${b.id}`, { ...b, parentId: a.id }),
      ]);
      const statuses = [ab.status, ba.status].sort();
      expect(statuses).toEqual([200, 400]);
      expect([ab, ba].find((r) => r.status === 400)!.body).toEqual(
        expected.validation({ parentId: 'a node cannot move under itself or one of its descendants' }),
      );
      // Whichever won, the tree still reaches its root from both nodes.
      const [na, nb] = [await node(a.id), await node(b.id)];
      expect([na.parentId, nb.parentId]).toContain(root.id);
    });

    it("a node's kind change and a new child under it are checked one after the other", async () => {
      const parent = await add('CC-K', 'competency');
      const [demote, child] = await Promise.all([
        as(hr).put(`/api/competencies/${parent.id}`, { ...parent, kind: 'indicator' }),
        as(coordinator).post('/api/competencies', {
          frameworkId: tree.id,
          parentId: parent.id,
          kind: 'competency',
          code: 'CC-K.1',
          title: 'A child competency',
        }),
      ]);
      // Either may go first, but an indicator never ends up holding a competency.
      expect([
        [200, 400],
        [400, 201],
      ]).toContainEqual([demote.status, child.status]);
      expect((demote.status === 200 ? child : demote).body.errors).toEqual({
        kind:
          demote.status === 200
            ? 'a competency cannot sit under an indicator'
            : 'an indicator cannot have competency children; change those first',
      });
    });

    it('bad input on a node PUT is a 400 naming the field', async () => {
      const a = await add('CC-V', 'domain');
      const { version: _omitted, ...unversioned } = a;
      for (const body of [{ ...a, version: 'latest' }, unversioned]) {
        expect((await as(hr).put(`/api/competencies/${a.id}`, body)).body).toEqual(
          expected.validation({
            version: 'version is required: send the version you read, to detect concurrent edits',
          }),
        );
      }
      expect((await node(a.id)).version).toBe(1);
    });
  });

  describe('crosswalk links', () => {
    let linkId: string;

    it('links an own node to a reference node, once per pair', async () => {
      const res = await as(coordinator).post('/api/crosswalk-links', {
        fromId: competency.id,
        toId: refNode.id,
        kind: 'exact',
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        districtId,
        shipped: false,
        kind: 'exact',
        fromId: competency.id,
        fromCode: 'LL-1.1',
        fromTitle: 'Builds a shared vision',
        fromFrameworkId: framework.id,
        fromFrameworkShortName: 'LL',
        toId: refNode.id,
        toCode: 'REF-1',
        toTitle: expect.any(String),
        toFrameworkId: reference.id,
        toFrameworkShortName: 'REF',
      });
      linkId = res.body.id;
      const reverse = await as(coordinator).post('/api/crosswalk-links', {
        fromId: refNode.id,
        toId: competency.id,
        kind: 'related',
      });
      expect(reverse.body).toEqual(
        expected.unique({ toId: 'These two nodes are already linked; delete that link first to change its kind' }),
      );
      const listed = await as(principal).get(
        `/api/crosswalk-links?filter=${encodeURIComponent(JSON.stringify({ frameworkId: framework.id }))}`,
      );
      expect(listed.body.map((l: { id: string }) => l.id)).toEqual([linkId]);
      expect((await as(otherHr).get(`/api/crosswalk-links/${linkId}`)).body).toEqual(expected.notFound);
    });

    it('refuses links between two reference nodes, to unknown nodes and to itself', async () => {
      expect(
        (await as(hr).post('/api/crosswalk-links', { fromId: refNode.id, toId: refNode2.id, kind: 'related' })).body,
      ).toEqual(
        expected.validation({
          fromId: "one end must be a node of your district's own frameworks (reference links are shipped)",
        }),
      );
      expect(
        (await as(hr).post('/api/crosswalk-links', { fromId: competency.id, toId: foreignNode.id, kind: 'related' }))
          .body,
      ).toEqual(expected.validation({ toId: 'toId must be a node of a framework your district uses' }));
      expect(
        (await as(hr).post('/api/crosswalk-links', { fromId: competency.id, toId: competency.id, kind: 'exact' })).body,
      ).toEqual(expected.validation({ toId: 'a node cannot be linked to itself' }));
      expect(
        (await as(principal).post('/api/crosswalk-links', { fromId: competency.id, toId: refNode2.id, kind: 'exact' }))
          .status,
      ).toBe(403);
    });

    it('deletes only the district own links', async () => {
      await t.factories.link(refNode.id, refNode2.id, 'related');
      const shipped = (
        await as(hr).get(`/api/crosswalk-links?filter=${encodeURIComponent(JSON.stringify({ shipped: true }))}`)
      ).body[0];
      expect(shipped).toEqual(expect.objectContaining({ fromId: refNode.id, toId: refNode2.id, shipped: true }));
      expect((await as(hr).delete(`/api/crosswalk-links/${shipped.id}`)).body).toEqual(expected.notFound);
      expect((await as(otherHr).delete(`/api/crosswalk-links/${linkId}`)).body).toEqual(expected.notFound);
      const res = await as(hr).delete(`/api/crosswalk-links/${linkId}`);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(linkId);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM crosswalk_links WHERE id = $1`, [linkId]))[0].n).toBe(0);
    });
  });

  describe('PUT /api/competency-frameworks/:id', () => {
    it('is a 404 for a reference or another district framework', async () => {
      const body = { title: 'X', shortName: 'X', version: reference.version };
      expect((await as(hr).put(`/api/competency-frameworks/${reference.id}`, body)).body).toEqual(expected.notFound);
      expect((await as(otherHr).put(`/api/competency-frameworks/${framework.id}`, body)).body).toEqual(
        expected.notFound,
      );
      expect((await as(principal).put(`/api/competency-frameworks/${framework.id}`, body)).body).toEqual(
        expected.forbidden,
      );
    });

    it('never shrinks a rubric below a level that evidence or a target uses (409), and may grow or relabel it', async () => {
      const f = t.factories;
      const roleId = (await f.createLeadershipRole({ districtId })).id;
      const { educator, user } = await f.createEducatorUser({ districtId });
      const candidateId = (await f.createCandidate({ districtId, educatorId: educator.id, roleId })).id;
      await f.createEvidence({
        districtId,
        candidateId,
        competencyId: indicator.id,
        level: 5,
        recorderUserId: user.id,
      });
      await t.db.query(`INSERT INTO role_targets (role_id, competency_id, target_level) VALUES ($1, $2, 4)`, [
        roleId,
        competency.id,
      ]);
      let current = (await as(hr).get(`/api/competency-frameworks/${framework.id}`)).body;
      const shrink = await as(hr).put(`/api/competency-frameworks/${framework.id}`, {
        ...current,
        rubric: FIVE.slice(0, 3),
      });
      expect(shrink.body).toEqual(
        errorBody(409, 'conflict', {
          message:
            'The rubric cannot shrink to 3 levels: 1 evidence rating(s) use levels up to 5 and 1 role target(s) ask for levels up to 4. Keep at least 5 levels (labels may change)',
          errors: {
            rubric:
              'keep at least 5 levels: 1 evidence rating(s) use levels up to 5 and 1 role target(s) ask for levels up to 4',
          },
        }),
      );
      const grown = [...FIVE, { level: 6, label: 'Leads others' }];
      const grow = await as(hr).put(`/api/competency-frameworks/${framework.id}`, {
        ...current,
        rubric: grown,
        title: 'Leading Learning (2027)',
      });
      expect(grow.status).toBe(200);
      expect(grow.body).toEqual(
        expect.objectContaining({ title: 'Leading Learning (2027)', rubric: grown, version: current.version + 1 }),
      );
      current = grow.body;
      const back = await as(hr).put(`/api/competency-frameworks/${framework.id}`, {
        ...current,
        rubric: FIVE.map((l) => ({ ...l, label: `Level ${l.level}` })),
      });
      expect(back.status).toBe(200);
      expect(back.body.rubric[4]).toEqual({ level: 5, label: 'Level 5' });
      const same = await as(hr).put(`/api/competency-frameworks/${framework.id}`, back.body);
      expect(same.body.version).toBe(back.body.version);
      expect(
        (await as(hr).put(`/api/competency-frameworks/${framework.id}`, { ...back.body, key: 'mine' })).body,
      ).toEqual(
        expected.readOnly({ key: 'key cannot be changed here: the key is the identity a CASE re-import matches' }),
      );
      expect((await as(hr).put(`/api/competency-frameworks/${framework.id}`, { ...current })).body).toEqual(
        expected.staleVersion,
      );
    });
  });

  describe('nomination competencyIds are checked against the catalog', () => {
    it('accepts visible nodes (reference or own) and names the field otherwise', async () => {
      const f = t.factories;
      const { id: educatorId } = await f.createEducator({ districtId });
      const { id: targetRoleId } = await f.createLeadershipRole({ districtId });
      const body = { educatorId, targetRoleId, rationale: 'Leads the grade-level team with care and clarity.' };
      const bad = await as(hr).post('/api/nominations', { ...body, competencyIds: [refNode.id, foreignNode.id] });
      expect(bad.body).toEqual(
        expected.validation({ competencyIds: `not a competency of a framework your district uses: ${foreignNode.id}` }),
      );
      const wrongKind = await as(hr).post('/api/nominations', { ...body, competencyIds: [framework.id] });
      expect(wrongKind.body.errors).toEqual({
        competencyIds: `not a competency of a framework your district uses: ${framework.id}`,
      });
      const ok = await as(hr).post('/api/nominations', {
        ...body,
        competencyIds: [refNode.id, competency.id, refNode.id],
      });
      expect(ok.status).toBe(201);
      expect(ok.body.competencyIds).toEqual([refNode.id, competency.id]);
    });
  });
});
