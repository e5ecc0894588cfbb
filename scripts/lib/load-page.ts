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

/**
 * linkedom: it parses every corpus page (jsdom 27+ throws on some pages' CSS), is several
 * times faster than jsdom and happy-dom, and keeps no window alive per page.
 */
export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
