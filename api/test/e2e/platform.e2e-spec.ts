import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { Writable } from 'node:stream';
import { AUTH_METADATA } from '../../src/auth/authenticated.decorator.js';
import { errorBody } from '../expected-errors.js';
import { createTestApp, TestApp } from '../test-app.js';

describe('platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('route inventory', () => {
    it('has no route that is neither public nor guarded by a permission', () => {
      const reflector = t.app.get(Reflector);
      const routes: string[] = [];
      const unguarded: string[] = [];
      for (const mod of t.app.get(ModulesContainer).values()) {
        for (const wrapper of mod.controllers.values()) {
          const proto = (wrapper.metatype as { prototype: Record<string, unknown> }).prototype;
          for (const name of Object.getOwnPropertyNames(proto)) {
            const handler = proto[name];
            if (
              name === 'constructor' ||
              typeof handler !== 'function' ||
              Reflect.getMetadata('path', handler) === undefined
            )
              continue;
            routes.push(`${wrapper.name}.${name}`);
            if (!reflector.getAllAndOverride(AUTH_METADATA, [handler as () => void, wrapper.metatype as () => void]))
              unguarded.push(`${wrapper.name}.${name}`);
          }
        }
      }
      expect(routes.length).toBeGreaterThan(15);
      expect(unguarded).toEqual([]);
    });
  });

  describe('GET /api/docs-json', () => {
    it('is an OpenAPI 3 document with an operation id for every operation and auth on every non-public one', async () => {
      const res = await t.http().get('/api/docs-json');
      expect(res.status).toBe(200);
      expect(res.body.openapi).toMatch(/^3\./);
      const ops = Object.entries(
        res.body.paths as Record<string, Record<string, { operationId?: string; security?: unknown[] }>>,
      ).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, ...op })));
      const ids = ops.map((o) => o.operationId);
      expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      const publicOps = new Set([
        'login',
        'setPassword',
        'getHealth',
        'getIndex',
        'discoverSignIn',
        'startSso',
        'ssoCallback',
        'exchangeSsoTicket',
        'showUnsubscribe',
        'unsubscribe',
      ]);
      for (const op of ops) {
        if (publicOps.has(op.operationId!)) expect(op.security).toBeUndefined();
        else expect(op.security).toEqual([{ bearer: [] }]);
      }
    });
  });

  describe('GET /api', () => {
    it('is public and points to the reference, the health check and the console, each of which answers', async () => {
      const res = await t.http().get('/api');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        name: 'Emerge API',
        docs: '/api/docs',
        openapi: '/api/docs-json',
        health: '/api/health',
        console: '/',
      });
      for (const path of [res.body.openapi, res.body.health]) expect((await t.http().get(path)).status).toBe(200);
    });
  });

  describe('the log', () => {
    it('writes one JSON line per request with its correlation id, no query string and no credentials', async () => {
      const lines: Record<string, unknown>[] = [];
      const sink = new Writable({
        write(chunk: Buffer, _enc, done) {
          for (const l of chunk.toString('utf8').split('\n')) if (l.trim()) lines.push(JSON.parse(l));
          done();
        },
      });
      const logged = await createTestApp({ LOG_LEVEL: 'info' }, { logDestination: sink });
      try {
        const districtId = (await logged.factories.createDistrict()).id;
        const token = await logged.login((await logged.factories.createUser({ role: 'hr', districtId })).email);
        const res = await logged
          .http()
          .get('/api/schools?filter=%7B%22q%22%3A%22secret%20name%22%7D')
          .set('X-Request-Id', 'log-test-0001')
          .auth(token, { type: 'bearer' });
        expect(res.status).toBe(200);
        await logged.http().get('/api/health');
      } finally {
        await logged.close();
      }
      const mine = lines.filter((l) => l.correlationId === 'log-test-0001');
      expect(mine).toEqual([
        expect.objectContaining({
          level: 30,
          msg: 'request',
          req: { id: 'log-test-0001', method: 'GET', url: '/api/schools' },
          res: { statusCode: 200 },
          responseTime: expect.any(Number),
        }),
      ]);
      const text = JSON.stringify(lines);
      expect(text).not.toContain('secret name');
      expect(text).not.toMatch(/Bearer|eyJ/);
      expect(lines.some((l) => (l.req as { url?: string } | undefined)?.url === '/api/health')).toBe(false);
    });
  });

  describe('GET /api/health', () => {
    it('is public and reports the database', async () => {
      const res = await t.http().get('/api/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        expect.objectContaining({ status: 'ok', info: { database: expect.objectContaining({ status: 'up' }) } }),
      );
    });
  });

  describe('errors', () => {
    it('answers an unknown route with the error shape and a correlation id that is also a header', async () => {
      const res = await t.http().get('/api/no-such-thing').set('X-Request-Id', 'trace-abc-12345');
      expect(res.status).toBe(404);
      expect(res.body).toEqual(errorBody(404, 'not_found', { correlationId: 'trace-abc-12345' }));
      expect(res.headers['x-correlation-id']).toBe('trace-abc-12345');
    });

    it('answers malformed JSON with a 400, not a 500', async () => {
      const res = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":');
      expect(res.status).toBe(400);
      expect(res.body).toEqual(errorBody(400, 'bad_request'));
    });

    it('answers an oversized body with a 413', async () => {
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ email: 'a@b.example', password: 'x'.repeat(2_000_000) });
      expect(res.status).toBe(413);
      expect(res.body).toEqual(errorBody(413, 'payload_too_large'));
    });

    it('sends security headers', async () => {
      const res = await t.http().get('/api/health');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    });

    it('never leaks a stack trace or SQL in a 4xx/5xx body', async () => {
      const res = await t.http().get('/api/schools/not-a-uuid');
      expect(res.status).toBe(401);
      expect(JSON.stringify(res.body)).not.toMatch(/at |SELECT|node_modules/);
    });
  });
});
