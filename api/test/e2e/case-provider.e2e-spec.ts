import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorBody, expected } from '../expected-errors.js';
import { createTestApp, TestApp } from '../test-app.js';

const SAMPLE = readFileSync(new URL('../../../docs/samples/case-framework.json', import.meta.url), 'utf8');
const DOC = (JSON.parse(SAMPLE) as { CFDocument: { identifier: string } }).CFDocument.identifier;
const PATH = `/ims/case/v1p0/CFPackages/${DOC}`;

/** A small CASE provider on loopback: the package, and the ways a real one goes wrong. */
function caseServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const json = { 'content-type': 'application/json' };
    if (req.url === PATH) return res.writeHead(200, json).end(SAMPLE);
    if (req.url === '/moved') return res.writeHead(302, { location: PATH }).end();
    if (req.url === '/to-metadata')
      return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (req.url === '/slow') return void res.writeHead(200, json); // headers, then nothing
    if (req.url === '/huge') {
      res.writeHead(200, json); // no length announced: the limit must hold while reading
      const chunk = Buffer.alloc(1024 * 1024, 32);
      let sent = 0;
      const push = () => {
        while (sent < 40 && res.write(chunk)) sent++;
        if (sent < 40) res.once('drain', push);
        else res.end();
      };
      return push();
    }
    if (req.url === '/page') return res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in</html>');
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('POST /api/competency-frameworks/import-url (a CASE provider)', () => {
  let server: Server;
  let base: string;
  // 127.0.0.1 allowed, as a district's own CASE server would be; every other private address refused. The time
  // limit leaves a loaded CI machine room to stream the 40 MB answer, so that one fails on its size, not on time.
  let open: TestApp;
  let hr: string;
  let educator: string;

  beforeAll(async () => {
    server = await caseServer();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    open = await createTestApp({ CASE_FETCH_ALLOW: '127.0.0.1', CASE_FETCH_TIMEOUT_MS: '5000' });
    const districtId = (await open.factories.createDistrict()).id;
    hr = await open.login((await open.factories.createUser({ role: 'hr', districtId })).email);
    educator = await open.login((await open.factories.createUser({ role: 'educator', districtId })).email);
  });
  afterAll(async () => {
    await open.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (t: TestApp, token: string, url: unknown) =>
    t.http().post('/api/competency-frameworks/import-url').auth(token, { type: 'bearer' }).send({ url });
  const frameworks = async (t: TestApp) =>
    Number((await t.db.query(`SELECT count(*) AS n FROM competency_frameworks`))[0].n);
  const refused = (message: string) =>
    errorBody(400, 'validation_failed', { message: 'The CASE package could not be fetched', errors: { url: message } });

  it('refuses a loopback address the administrator has not allowed, writing nothing', async () => {
    const before = await frameworks(open);
    const other = `127.0.0.2:${new URL(base).port}`;
    const res = await post(open, hr, `http://${other}${PATH}`);
    expect(res.body).toEqual(
      refused(
        `${other} is on a private, loopback or reserved network, which an import may not reach unless an administrator allows it (CASE_FETCH_ALLOW)`,
      ),
    );
    expect(await frameworks(open)).toBe(before);
  });

  it('imports the package a provider serves exactly as an upload would, following a redirect', async () => {
    const res = await post(open, hr, `${base}/moved`);
    expect(res.status).toBe(201);
    expect(res.body.created).toEqual({ framework: 1, items: 19, links: 1, associations: 14 });
    expect(res.body.externalLinks).toBe(13); // this database has no reference frameworks
    expect(res.body.framework.title).toBe('Harbor Point Leadership Standards');
    const again = await post(open, hr, `${base}${PATH}`);
    expect(again.status).toBe(200);
    expect(again.body.changed).toBe(false);
  });

  it('never follows a redirect into a reserved address, even with loopback allowed', async () => {
    expect((await post(open, hr, `${base}/to-metadata`)).body).toEqual(
      refused(
        '169.254.169.254 is on a private, loopback or reserved network, which an import may not reach unless an administrator allows it (CASE_FETCH_ALLOW)',
      ),
    );
  });

  it('says what went wrong: not found, too slow, too large, not JSON, not a web address', async () => {
    const host = new URL(base).host;
    expect((await post(open, hr, `${base}/nothing-here`)).body).toEqual(
      refused(`${host} answered 404 Not Found: check the address`),
    );
    expect((await post(open, hr, `${base}/slow`)).body).toEqual(refused(`${host} did not answer in time`));
    expect((await post(open, hr, `${base}/huge`)).body).toEqual(
      refused('the package is larger than 32 MiB, the most one import takes'),
    );
    expect((await post(open, hr, `${base}/page`)).body).toEqual(
      refused(`${host} did not answer with JSON: is this the address of a CASE package?`),
    );
    expect((await post(open, hr, 'file:///etc/passwd')).body).toEqual(refused('must start with https:// (or http://)'));
    expect((await post(open, hr, 'case server')).body.errors.url).toMatch(/^must be a full address/);
    expect((await post(open, hr, 42)).status).toBe(400);
  });

  it('is for those who manage frameworks', async () => {
    expect((await post(open, educator, `${base}${PATH}`)).body).toEqual(expected.forbidden);
  });
});
