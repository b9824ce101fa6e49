// A bare Fastify server that runs, through `pg`, the SQL the API runs for a route and sends the rows as JSON: the
// second baseline of part 4 (what a route costs that goes to the database on every request). Run as its own
// process with BENCH_PORT, DATABASE_URL and BENCH_QUERIES (a JSON file of { path: [{ sql, params }] }).
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { Pool } from 'pg';

const routes = JSON.parse(readFileSync(process.env.BENCH_QUERIES!, 'utf8')) as Record<string, { sql: string; params: unknown[] }[]>;
// The API's own pool size (apps/api/src/main.ts).
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const app = Fastify({ logger: false });
app.get('/health', () => ({ status: 'ok' }));
for (const [path, queries] of Object.entries(routes)) {
  app.get(path, async (_request, reply) => {
    let rows: unknown[] = [];
    for (const q of queries) rows = (await pool.query(q.sql, q.params)).rows;
    return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(rows));
  });
}
app.listen({ port: Number(process.env.BENCH_PORT), host: '127.0.0.1' }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
