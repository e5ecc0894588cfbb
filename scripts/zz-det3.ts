import { readFileSync } from 'node:fs';
import { parseDocument } from './lib/load-page';
import { extractPage } from '../utils/extract';
import { DEBUG } from '../utils/extract/detect';
DEBUG.on = true;
const r = extractPage(parseDocument(readFileSync(process.argv[2]!, 'utf8')), process.argv[3]!, { extractNonArticles: true });
console.log(r.isArticle, JSON.stringify(DEBUG.last));
