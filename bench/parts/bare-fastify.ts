// A bare Fastify server answering fixed JSON bodies: the baseline of part 4. Run as its own process with
// BENCH_PORT and BENCH_ROUTES (a JSON file of { path: { body, contentType } }).
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const routes = JSON.parse(readFileSync(process.env.BENCH_ROUTES!, 'utf8')) as Record<string, { body: string; contentType: string }>;
const app = Fastify({ logger: false });
app.get('/health', () => ({ status: 'ok' }));
for (const [path, { body, contentType }] of Object.entries(routes)) {
  // The body is sent as the API's own bytes, so both servers put the same payload on the wire.
  app.get(path, async (_request, reply) => reply.header('content-type', contentType).send(body));
}
app.listen({ port: Number(process.env.BENCH_PORT), host: '127.0.0.1' }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
