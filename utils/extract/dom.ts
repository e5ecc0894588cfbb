/**
 * The nearest element from `el` up that matches `selector`, short of `<body>` and `<html>`, and
 * not one that holds the story's heading. Sites put page-wide classes on those ("cookies-not-set",
 * "has-comments", "newAdvertising") and on the story's own wrapper ("comments-enabled"), which say
 * nothing about where one element stands: matched there, every paragraph would be a cookie
 * banner's and every link a comment's. Comments, ads and banners never hold the headline.
 */
export function closestInBody(el: Element, selector: string, story?: Element | null): Element | null {
  const found = el.closest(selector);
  return found && parentOf(found) && found !== found.ownerDocument.body && !found.contains(story ?? null)
    ? found
    : null;
}

/**
 * `root.getElementsByTagName(tag)`. The content script has a byte budget and property names are not
 * minified: through this one function the bundle spells that long name once instead of a dozen times.
 */
export function byTag<K extends keyof HTMLElementTagNameMap>(
  root: Document | Element,
  tag: K,
): HTMLCollectionOf<HTMLElementTagNameMap[K]>;
export function byTag(root: Document | Element, tag: string): HTMLCollectionOf<Element>;
export function byTag(root: Document | Element, tag: string): HTMLCollectionOf<Element> {
  return root.getElementsByTagName(tag);
}

/** `el?.getAttribute(name)`, spelled once in the bundle for the reason given at byTag. */
export const attr = (el: Element | null | undefined, name: string): string | null | undefined =>
  el?.getAttribute(name);

/** `root.querySelector(selector)`, spelled once in the bundle for the reason given at byTag. */
export const one = (root: ParentNode, selector: string): Element | null => root.querySelector(selector);

/**
 * The items of a DOM list as an array (appended to `out` when given), by index: spread or Array.from goes
 * through the iterator, slower on host lists.
 */
export const list = <T>(items: ArrayLike<T>, out: T[] = []): T[] => {
  for (let i = 0; i < items.length; i++) out.push(items[i] as T);
  return out;
};

/** The matches of `selector` under `root`, as an array; spelled once, as `one`. */
export const all = (root: ParentNode, selector: string): Element[] => list(root.querySelectorAll(selector));

/** `el?.parentElement`, spelled once in the bundle for the reason given at byTag. */
export const parentOf = (el: Element | null | undefined): Element | null | undefined => el?.parentElement;

/** `el?.nextElementSibling`, spelled once in the bundle for the reason given at byTag. */
export const nextOf = (el: Element | null | undefined): Element | null | undefined => el?.nextElementSibling;

/** `el?.firstElementChild`, spelled once in the bundle for the reason given at byTag. */
export const firstOf = (el: Element | null | undefined): Element | null | undefined => el?.firstElementChild;

/**
 * Whether `el` has at most two element children, read from the first: `childElementCount` walks them all,
 * on every call, and some pages hold tens of thousands.
 */
export const fewChildren = (el: Element): boolean => !nextOf(nextOf(firstOf(el)));

/** `node?.textContent ?? ''`, spelled once in the bundle for the reason given at byTag. */
export const textOf = (node: Node | null | undefined): string => node?.textContent ?? '';

/** `textOf(node).trim()`, spelled once in the bundle for the reason given at byTag. */
export const trimmedText = (node: Node | null | undefined): string => textOf(node).trim();
