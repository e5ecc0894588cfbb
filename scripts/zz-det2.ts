import { readFileSync } from 'node:fs';
import { parseDocument as parseHtml } from './lib/load-page';
import { extractPage } from '../utils/extract';
import { DEBUG } from '../utils/extract/detect';
DEBUG.on = true;
const src = readFileSync('tests/unit/detect-pages.test.ts', 'utf8');
for (const f of process.argv.slice(2)) {
  const url = new RegExp(`file: '${f}'[^}]*?url:\\s*'([^']+)'`, 's').exec(src)?.[1] ?? '';
  const r = extractPage(parseHtml(readFileSync(`tests/fixtures/pages/${f}`, 'utf8')), url, { extractNonArticles: true });
  console.log(f, url, r.isArticle, JSON.stringify(DEBUG.last));
}
