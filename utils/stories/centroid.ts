/**
 * A story's centroid: the sum of its members' unit vectors, with its squared length kept up to date on
 * every change so that a cosine never has to walk the whole centroid.
 */
export interface Centroid {
  weights: Map<string, number>;
  normSq: number;
}

/** Adds a vector (or another centroid's weights) term by term. */
export function addInto(centroid: Centroid, vector: Iterable<[string, number]>): void {
  for (const [term, w] of vector) {
    const old = centroid.weights.get(term) ?? 0;
    centroid.weights.set(term, old + w);
    centroid.normSq += 2 * old * w + w * w;
  }
}

/** Cosine between a unit vector and the centroid: one lookup per vector term. */
export function cosineToUnit(unit: Map<string, number>, centroid: Centroid): number {
  if (centroid.normSq <= 0) return 0;
  let dot = 0;
  for (const [term, w] of unit) dot += w * (centroid.weights.get(term) ?? 0);
  return dot / Math.sqrt(centroid.normSq);
}

/** Cosine between two centroids, walking the smaller one. */
export function cosineBetween(a: Centroid, b: Centroid): number {
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  if (small.normSq <= 0 || large.normSq <= 0) return 0;
  let dot = 0;
  for (const [term, w] of small.weights) dot += w * (large.weights.get(term) ?? 0);
  return dot / Math.sqrt(small.normSq * large.normSq);
}

/**
 * Keeps the heaviest terms once there are more than `max`: the light ones are one-off words of single
 * members, noise for matching. Prunes down to 80% so the sort runs once per many additions. Returns the
 * terms dropped.
 */
export function pruneLightest(centroid: Centroid, max: number): string[] {
  if (centroid.weights.size <= max) return [];
  const lightest = [...centroid.weights].sort((a, b) => a[1] - b[1]);
  const dropped = lightest.slice(0, centroid.weights.size - Math.floor(max * 0.8));
  for (const [term, w] of dropped) {
    centroid.weights.delete(term);
    centroid.normSq -= w * w;
  }
  return dropped.map(([term]) => term);
}
