/** First non-empty `content` of a `<meta>` whose name, property or itemprop is one of `keys`. */
export function metaContent(doc: Document, keys: readonly string[]): string | null {
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  const metas = doc.getElementsByTagName('meta');
  let best: { rank: number; value: string } | null = null;
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i];
    if (!meta) continue;
    const key = (
      meta.getAttribute('property') ??
      meta.getAttribute('name') ??
      meta.getAttribute('itemprop') ??
      ''
    ).toLowerCase();
    if (!wanted.has(key)) continue;
    const value = meta.getAttribute('content')?.trim();
    if (!value) continue;
    const rank = keys.findIndex((k) => k.toLowerCase() === key);
    if (!best || rank < best.rank) best = { rank, value };
  }
  return best?.value ?? null;
}
