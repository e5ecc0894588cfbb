/** A deterministic feed of headlines in stories (names + varying common words), with some related links. */
export interface FeedItem {
  id: string;
  title: string;
  related: string[];
}

export function browseTestData(count: number): FeedItem[] {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const names = [
    'Ophira',
    'Kestrel',
    'Valdor',
    'Mirela',
    'Tavish',
    'Ondrej',
    'Quillon',
    'Brevik',
    'Sorana',
    'Lutz',
  ];
  const places = ['Porto', 'Gdansk', 'Lyon', 'Tartu', 'Bilbao', 'Ghent', 'Bari', 'Aarhus'];
  const common = [
    'talks',
    'vote',
    'court',
    'deal',
    'strike',
    'report',
    'plan',
    'crisis',
    'fire',
    'rescue',
    'budget',
    'trial',
  ];
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const items: FeedItem[] = [];
  for (let i = 0; i < count; i++) {
    const name = names[i % names.length]!;
    const place = places[(i * 7 + Math.floor(i / 40)) % places.length]!;
    const related = i > 5 && rnd() < 0.2 ? [`item-${Math.floor(rnd() * i)}`, `item-${i + 3}`] : [];
    items.push({
      id: `item-${i}`,
      title: `${name} ${pick(common)} in ${place}: ${pick(common)} ${pick(common)}`,
      related,
    });
  }
  return items;
}
