/**
 * Serves the demo news site (tests/site) on 127.0.0.1. Shared by the end-to-end tests
 * and `npm run demo`.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// A string path (not `new URL`) so it also works under happy-dom's URL global.
export const SITE_ROOT = join(dirname(fileURLToPath(import.meta.url)), 'site') + sep;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface SiteServer {
  origin: string;
  /** Every request path the server saw, in order. */
  requests: string[];
  close(): Promise<void>;
}

async function resolveFile(pathname: string): Promise<string | null> {
  const safe = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(SITE_ROOT, safe);
  if (!file.startsWith(SITE_ROOT.replace(/[/\\]$/, '') + sep) && file !== SITE_ROOT) return null;
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    await stat(file);
    return file;
  } catch {
    return null;
  }
}

export async function startSiteServer(port = 0): Promise<SiteServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(pathname);
    void resolveFile(pathname).then((file) => {
      if (!file) {
        res.writeHead(404, { 'content-type': TYPES['.html'] });
        createReadStream(join(SITE_ROOT, '404.html')).pipe(res);
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${actual}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
