export interface RelatedItem {
  title: string;
  /** Absolute http(s) URL. */
  url: string;
  /** `YYYY-MM-DDTHH:MM:SSZ`, `YYYY-MM-DD`, or null when the page shows no time. */
  publishedAt: string | null;
}

export interface PageExtraction {
  isArticle: boolean;
  /** The page's canonical URL when it declares a usable one. */
  canonicalUrl: string | null;
  headline: string | null;
  publishedAt: string | null;
  related: RelatedItem[];
}
