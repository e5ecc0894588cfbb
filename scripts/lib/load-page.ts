/** Reading saved pages for the command-line tools: gunzip, decode by declared charset, parse. */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';

const CHARSET_RE = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** Decodes page bytes: UTF-8 when valid, else the declared charset, else windows-1252. */
export function decodeHtml(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    const declared = CHARSET_RE.exec(head)?.[1]?.toLowerCase();
    try {
      if (declared && declared !== 'utf-8' && declared !== 'utf8')
        return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: fall through to the browsers' default for legacy pages.
    }
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export async function readHtmlFile(path: string): Promise<string> {
  const raw = await readFile(path);
  return decodeHtml(path.endsWith('.gz') ? gunzipSync(raw) : raw);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const UPPER_RE = /[A-Z]/;

/**
 * linkedom: it parses every corpus page (jsdom 27+ throws on some pages' CSS), is several
 * times faster than jsdom and happy-dom, and keeps no window alive per page.
 */
export function parseDocument(html: string): Document {
  let doc = parseHTML(html).document as unknown as Document;
  // A page without an <html> element: a browser's parser still makes <html>, <head> and <body>. linkedom
  // takes the first element for the root (a <meta>, a <div>), whose `body` getter then builds a head and a
  // body inside it, or has none (a doctype, text), and its `body` and `title` throw. Wrapped, the page's
  // head elements stay in the body, where the extraction (which reads them anywhere) finds them too.
  if (doc.documentElement?.tagName !== 'HTML')
    doc = parseHTML(`<html><head></head><body>${html}</body></html>`).document as unknown as Document;
  lowerCaseAttributeNames(doc);
  closeNestedHeadings(doc);
  mergeIntoOneBody(doc);
  Object.defineProperty(doc, 'title', { get: () => browserTitle(doc) });
  return doc;
}

const ASCII_WHITESPACE_RE = /[\t\n\f\r ]+/g;
const EDGE_SPACE_RE = /^ | $/g;

/**
 * `document.title` as browsers read it: the first HTML `<title>` anywhere in the document, whitespace
 * collapsed. linkedom reads only one in `<head>`, as written, so a page whose markup starts before its
 * `<head>` (a server's warnings printed above the doctype) had no title in Node.
 */
function browserTitle(doc: Document): string {
  const title = Array.prototype.find.call(
    doc.getElementsByTagName('title'),
    (el: Element) => el.namespaceURI !== SVG_NS,
  ) as Element | undefined;
  // Not trim(): a no-break space is text here, as in browsers.
  return (title?.textContent ?? '').replace(ASCII_WHITESPACE_RE, ' ').replace(EDGE_SPACE_RE, '');
}

/**
 * Attribute names in lower case outside SVG, as a browser's HTML parser writes them. linkedom keeps
 * them as the page spells them, so a `<time dateTime="…">` (as React renders it) matched no
 * `time[datetime]` in Node while it does in Chrome and Firefox (`npm run eval -- DIR --browser`
 * compares them). Where a page spells one attribute twice, the browser keeps the first.
 */
function lowerCaseAttributeNames(doc: Document): void {
  for (const el of doc.querySelectorAll('*')) {
    if (
      el.namespaceURI === SVG_NS ||
      !Array.prototype.some.call(el.attributes, (a: Attr) => UPPER_RE.test(a.name))
    )
      continue;
    const kept = new Map<string, string>();
    for (const { name, value } of [...el.attributes]) {
      el.removeAttribute(name);
      const lower = name.toLowerCase();
      if (!kept.has(lower)) kept.set(lower, value);
    }
    kept.forEach((value, name) => el.setAttribute(name, value));
  }
}

const NESTED_HEADING = ':is(h1,h2,h3,h4,h5,h6) > :is(h1,h2,h3,h4,h5,h6)';

/**
 * A heading opened right inside another closes it, as a browser's HTML parser reads it (the outer one is
 * popped: a parse error the standard repairs), so `<h1>Title<h2>Kicker</h2> more</h1>` is an `h1` and an
 * `h2` side by side in Chrome and Firefox, the text after the `h2` outside both. linkedom nested them, and a
 * page's headline differed in Node by the inner heading's text (htmldate-dev/biathlon-antholz).
 */
function closeNestedHeadings(doc: Document): void {
  for (const inner of doc.querySelectorAll(NESTED_HEADING)) {
    const outer = inner.parentNode;
    const parent = outer?.parentNode;
    if (!outer || !parent) continue;
    const before = outer.nextSibling;
    for (let node: ChildNode | null = inner, next; node; node = next) {
      next = node.nextSibling;
      parent.insertBefore(node, before);
    }
  }
}

/**
 * Everything after the first body goes into it, as a browser's parser puts it: a second `<body>` tag adds
 * only its attributes to the first, and content after `</body>` or `</html>` is appended to the body.
 * linkedom made a second body (htmldate-dev/baike.baidu: an empty one, then the page in another, which
 * `document.body` did not see) and left the scripts after `</body>` beside it. Scripts between the two,
 * which a browser puts in the head, land in the body here: the extraction reads scripts anywhere.
 */
function mergeIntoOneBody(doc: Document): void {
  const body = doc.body;
  if (!body || body.parentNode !== doc.documentElement) return;
  for (let node = body.nextSibling, next; node; node = next) {
    next = node.nextSibling;
    if (node.nodeName !== 'BODY') {
      body.append(node);
      continue;
    }
    const extra = node as Element;
    for (const { name, value } of [...extra.attributes])
      if (!body.hasAttribute(name)) body.setAttribute(name, value);
    // One at a time, not append(...childNodes): a page-sized list of arguments overflows the call.
    for (let child; (child = extra.firstChild);) body.append(child);
    extra.remove();
  }
}
