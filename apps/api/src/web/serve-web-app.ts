import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { repoRootFrom } from '@ayllu/chain';

/** Where `npm run web:build` writes the web app (apps/web/dist). */
export const WEB_DIST_DIR = resolve(repoRootFrom(__dirname), 'apps/web/dist');

/** The web app's client-side routes: each answers index.html and the app picks the page. /v1, /docs, /health, /metrics stay the API's. */
export const WEB_APP_ROUTES = ['/', '/admin', '/daos/*'] as const;

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ayllu: the web app is not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>The Ayllu web app is not built yet</h1>
<p>This server answers the API at <a href="/v1/daos">/v1</a> and its documentation at <a href="/docs">/docs</a>,
but the web app's files are missing. Build them with <code>npm run web:build</code> (<code>npm start</code> builds them
when they are missing or out of date), then reload this page.</p>
</body></html>`;

/**
 * Serves the built web app at the API's own address: its assets under /assets/, and index.html for every app route, so
 * a link from a notification (`PUBLIC_URL/daos/…/proposals/…`) opens the right page. When the build is missing, the app
 * routes answer 404 with a page that says how to build it; the API's routes are untouched either way.
 */
export const serveWebApp = async (app: NestFastifyApplication, distDir: string = WEB_DIST_DIR): Promise<void> => {
  const fastify = app.getHttpAdapter().getInstance();
  const assets = join(distDir, 'assets');
  // Registered whether or not the build exists yet: a build made while the server runs is served without a restart.
  await app.register(fastifyStatic as never, {
    root: assets,
    prefix: '/assets/',
    decorateReply: false,
    // Content-hashed file names: a file never changes under its name.
    immutable: true,
    maxAge: '365d',
  });
  let cached: { mtimeMs: number; html: string } | null = null;
  const indexHtml = (): string | null => {
    const file = join(distDir, 'index.html');
    if (!existsSync(file)) return null;
    const { mtimeMs } = statSync(file);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(file, 'utf8') };
    return cached.html;
  };
  for (const url of WEB_APP_ROUTES)
    fastify.get(url, (_request, reply) => {
      const html = indexHtml();
      void reply
        .header('cache-control', 'no-cache')
        .header('x-content-type-options', 'nosniff')
        .type('text/html; charset=utf-8')
        .code(html ? 200 : 404)
        .send(html ?? NOT_BUILT);
    });
};
