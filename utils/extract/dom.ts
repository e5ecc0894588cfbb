/**
 * The nearest element from `el` up that matches `selector`, short of `<body>` and `<html>`.
 * Sites put page-wide classes there ("cookies-not-set", "has-comments", "newAdvertising"),
 * which say nothing about where one element stands: matched there, every paragraph would be
 * a cookie banner's and every link a comment's.
 */
export function closestInBody(el: Element, selector: string): Element | null {
  const found = el.closest(selector);
  return found && found.parentElement && found !== found.ownerDocument.body ? found : null;
}
