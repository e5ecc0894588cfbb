import { readFileSync } from 'node:fs';
import { parseDocument, readHtmlFile } from './lib/load-page';
import { readJsonLd, isArticleNode, stringProp } from '../utils/extract/jsonld';
import { metaContent } from '../utils/extract/meta';
const norm = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'").replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g, '"').replace(/[\u2010-\u2015\u2212]/g, '-').replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
const set = process.argv[2] ?? 'fundus-dev';
const dir = `/work/shared/corpus/${set}/`;
const tally: Record<string, number> = {};
let n = 0;
for (const line of readFileSync(dir + 'cases.jsonl', 'utf8').split('\n').filter(Boolean)) {
  const c = JSON.parse(line);
  if (!c.title) continue;
  n++;
  const doc = parseDocument(await readHtmlFile(dir + c.html_file));
  const ld = readJsonLd(doc);
  const art = ld.find(isArticleNode);
  const h1s = Array.from(doc.getElementsByTagName('h1')).map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim());
  const cands: Record<string, string | null> = {
    ld: art ? stringProp(art, 'headline') : null,
    og: metaContent(doc, ['og:title']),
    tw: metaContent(doc, ['twitter:title']),
    title: doc.title,
    h1: h1s[0] ?? null,
    h1b: h1s[1] ?? null,
  };
  const g = norm(c.title);
  const hits = Object.entries(cands).filter(([, v]) => norm(v) === g).map(([k]) => k);
  for (const h of hits) tally[h] = (tally[h] ?? 0) + 1;
  if (!hits.length) tally.none = (tally.none ?? 0) + 1;
  if (process.argv[3] === "j") console.log(JSON.stringify({ id: c.id, gold: c.title, ...cands, h1s: h1s.slice(0, 3) }));
  else if (process.argv[3] === "v") console.log(c.id, hits.join(',') || 'NONE', '\n   gold:', c.title, '\n   ' + Object.entries(cands).map(([k, v]) => `${k}=${JSON.stringify(v)?.slice(0, 140)}`).join('\n   '));
}
console.log(n, tally);
