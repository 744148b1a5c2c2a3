/**
 * The web console (/console) and GraphiQL (GET /graphql from a browser, outside production): static files
 * built from console/ by Vite (scripts/build-if-stale.js builds them for `npm start`). Both pages get a
 * Content-Security-Policy of their own that allows nothing but this origin: no CDN, no inline script.
 */
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';

/** console/dist from src/http (ts-jest) or dist/src/http (compiled). */
export function consoleDistDir(): string {
  const candidates = [path.resolve(__dirname, '../../console/dist'), path.resolve(__dirname, '../../../console/dist')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? (candidates[0] as string);
}

/** 'self' only. Images and fonts may also be data: URLs (GraphiQL's stylesheet embeds its icons). */
export const consoleCsp = helmet.contentSecurityPolicy({
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
});

const NOT_BUILT = 'The console is not built: run `npm run console:build` (npm start builds it when its sources changed).\n';

/** A page of the console: re-validated on every load (the file names of its scripts change with each build). */
function sendPage(res: express.Response, file: string): void {
  if (!fs.existsSync(file)) {
    res.status(503).type('text/plain').send(NOT_BUILT);
    return;
  }
  res.setHeader('Cache-Control', 'no-cache');
  res.sendFile(file);
}

/** The console at /console: hashed assets cached for good, every other path the single page (client-side routes). */
export function consoleRouter(dir = consoleDistDir()): express.Router {
  const router = express.Router();
  router.use(consoleCsp);
  router.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }));
  // GraphiQL's page is served at GET /graphql only, and not in production: not by its file name either.
  router.get('/graphiql.html', (_req, res) => {
    res.status(404).type('text/plain').send('Not found\n');
  });
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    sendPage(res, path.join(dir, 'index.html'));
  });
  return router;
}

/**
 * GET /graphql from a browser (Accept: text/html, no `query`): GraphiQL outside production, a plain refusal
 * in production. Every other request (GET queries with `query`, POST) goes on to Apollo and its CSRF checks.
 */
export function graphiqlPage(options: { production: boolean; dir?: string }): express.RequestHandler {
  const dir = options.dir ?? consoleDistDir();
  return (req, res, next) => {
    const accept = req.headers.accept ?? '';
    if (req.method !== 'GET' || !/\btext\/html\b/.test(accept) || req.query.query !== undefined) return next();
    if (options.production) {
      res.status(404).type('text/plain').send('GraphiQL is not served in production. Send GraphQL requests with POST.\n');
      return;
    }
    consoleCsp(req, res, () => sendPage(res, path.join(dir, 'graphiql.html')));
  };
}
