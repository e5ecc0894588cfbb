/** The demo site's articles, the order a reader browses them, and the timeline the seed page must show. */
export const FRONT_PAGE = '/';

export const SEED_ARTICLE =
  '/articles/putin-strengthens-ties-with-north-korea-before-upcoming-trump-meeting.html';

/** Oldest first, ending with the seed article: each page lists only items older than itself. */
export const BROWSING_ORDER = [
  '/articles/north-korean-workers-facing-slavery-in-russia-amid-labor-shortages.html',
  '/articles/north-korean-workers-endure-slavery-as-russia-seeks-labor-to-support-war-efforts.html',
  '/articles/trump-and-putin-set-for-historic-meeting-in-alaska-on-august-15.html',
  '/articles/putin-strengthens-ties-with-kim-jong-un-ahead-of-trump-meeting.html',
  SEED_ARTICLE,
] as const;

/** The seed's MORE ON THEME list as the popup must show it: clean titles, newest first. */
export const SEED_TIMELINE = [
  'European Leaders Express Cautious Optimism After Trump Call Before Putin Summit',
  'Tensions Mount Ahead of Trump-Putin Summit: Territorial Claims at Stake',
  'Putin Strengthens Ties with Kim Jong Un Ahead of Trump Meeting',
  'Zelensky and European Leaders Urge Trump to Stand Firm Against Russian Demands',
  'Trump and Putin Set for Historic Meeting in Alaska on August 15',
  "North Korean Workers Endure 'Slavery' as Russia Seeks Labor to Support War Efforts",
  'Zelensky Stands Firm Against Russian Demands Amid Intense Donbas Offensive',
  'North Korean Workers Facing Slavery in Russia Amid Labor Shortages',
  "European Leaders Urge Respect for Ukraine's Territorial Integrity Ahead of US-Russia Summit",
  'Horrific Conditions: North Korean Laborers Face Modern Slavery in Russia',
  "Zelensky's Possible Attendance at Trump-Putin Summit: Europe's Exclusion Raises Concerns",
  "Zelensky's Attendance at Trump-Putin Summit Uncertain as Europe Excluded",
  "Trump's Tariff Strategy: Economic Coercion in International Diplomacy",
  'Trump Aims for Ukrainian Territorial Gains in Upcoming Putin Talks',
  'European Allies Demand Inclusion of Ukraine in Peace Talks with Russia',
  'Tragic Sea Mine Explosions Claim Lives of Three Swimmers in Odesa',
  "Trump's Economic Strategy Faces Challenges Against Russia's Resilience",
  "Europe's Unity on Ukraine Peace Talks: Kyiv's Inclusion Essential",
  'North Korea Takes Down Propaganda Speakers Amid Thaw in Relations',
  "Putin Honors CIA Official's Son Posthumously, Sparks Controversy",
] as const;

export const SEED_HEADLINE = 'Putin Strengthens Ties with North Korea Before Upcoming Trump Meeting';
