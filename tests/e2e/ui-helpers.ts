/** Helpers for the UI end-to-end tests: accessibility scans and style snapshots, run inside a page. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

export const SPA_FIRST = '/spa/harbour-bridge-closed-for-repairs.html';
export const SPA_SECOND = '/spa/harbour-bridge-to-reopen-next-month.html';
export const SPA_SECOND_HEADLINE =
  'Harbour Bridge to Reopen Next Month as Repairs Progress Faster Than Expected';

/** axe-core's source; evaluated in the page (extension pages' CSP forbids an inline script tag). */
export async function axeSource(): Promise<string> {
  return readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
}

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs in the page: every serious or critical finding, optionally only those inside elements
 * matching `within` (our overlay on someone else's page). axe walks open shadow roots itself.
 */
export async function runAxe(within: string | null): Promise<AxeFinding[]> {
  const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } })
    .axe;
  const result = (await axe.run(document, { resultTypes: ['violations'] })) as {
    violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }))
    .map((v) => (within ? { ...v, targets: v.targets.filter((t) => t.includes(within)) } : v))
    .filter((v) => v.targets.length > 0);
}

/**
 * Runs in the page: the computed style of every element of the page's own, in document order.
 * Properties resolved from the laid-out size (width, height, grid tracks, origins) are left out:
 * those are geometry, compared separately through the positions of the article's blocks.
 */
export function pageStyles(): string[] {
  const skip =
    /^(width|height|inline-size|block-size|grid-template-(rows|columns)|perspective-origin|transform-origin)$/;
  const ours = (el: Element) => el.localName.startsWith('backstory-') || !!el.closest('[class^="backstory"]');
  const out: string[] = [];
  for (const el of document.querySelectorAll('*')) {
    if (ours(el) || el.closest('backstory-overlay, backstory-mark')) continue;
    const style = getComputedStyle(el);
    const props: string[] = [];
    for (let i = 0; i < style.length; i++) {
      const name = style.item(i);
      if (!skip.test(name)) props.push(`${name}:${style.getPropertyValue(name)}`);
    }
    out.push(`${el.localName}|${props.join(';')}`);
  }
  return out;
}

/** Runs in the page: where the headline and the article's paragraphs are, for "no layout shift". */
export function blockPositions(): string[] {
  return [...document.querySelectorAll('h1, article p, .more-on-theme li')].map((el) => {
    const r = el.getBoundingClientRect();
    return `${el.localName}@${Math.round(r.left)},${Math.round(r.top + scrollY)} ${Math.round(r.width)}`;
  });
}
