import { readFileSync } from 'node:fs';
import { parseDocument, readHtmlFile } from './lib/load-page';
import { extractPage } from '../utils/extract';
import { DEBUG } from '../utils/extract/detect';
DEBUG.on = true;
const [set, ...ids] = process.argv.slice(2);
const dir = `/work/shared/corpus/${set}/`;
for (const line of readFileSync(dir + 'cases.jsonl', 'utf8').split('\n').filter(Boolean)) {
  const c = JSON.parse(line);
  if (ids.length && !ids.includes(c.id)) continue;
  const doc = parseDocument(await readHtmlFile(dir + c.html_file));
  const r = extractPage(doc, c.url ?? 'http://fakehost/test/page.html', { extractNonArticles: true });
  if (!ids.length && r.isArticle) continue;
  console.log(c.id, r.isArticle, JSON.stringify(DEBUG.last));
}
