// The baseline: the smallest server that does the same work as the API for a recorded request — verify the
// bearer token (HS256, same secret), then run the exact SQL statements the API sent, in order, on a pooled
// connection (the user check included), and answer with the rows as JSON.
import Fastify from 'fastify';
import jwt from 'jsonwebtoken';
import { createSecretKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';

interface Statement {
  sql: string;
  parameters: unknown[];
}

const routes = new Map<string, Statement[]>(
  Object.entries(JSON.parse(readFileSync(process.env.ROUTES_FILE!, 'utf8')) as Record<string, Statement[]>),
);
const secret = createSecretKey(Buffer.from(process.env.JWT_SECRET!, 'utf8'));
// The API's pool size and connection settings (api/src/database/data-source.ts).
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: process.env.PG_OPTIONS });
const app = Fastify({ logger: false });

app.get('/*', async (req, reply) => {
  const statements = routes.get(req.url);
  if (!statements) return reply.code(404).send({ message: 'not recorded' });
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  try {
    jwt.verify(token ?? '', secret, { algorithms: ['HS256'] });
  } catch {
    return reply.code(401).send({ message: 'unauthenticated' });
  }
  const client = await pool.connect();
  try {
    const results: unknown[][] = [];
    for (const s of statements) results.push((await client.query(s.sql, s.parameters)).rows);
    return { results };
  } finally {
    client.release();
  }
});

await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
