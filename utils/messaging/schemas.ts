/**
 * Shapes of message payloads, checked on receipt: content scripts run on untrusted
 * pages, so everything they send is treated as hostile input.
 */
import * as v from 'valibot';
import { MAX_RELATED } from '../extract/related';
import { MAX_TITLE_LENGTH } from '../extract/text';
import { MAX_URL_LENGTH, toHttpUrl } from '../extract/urls';

/** A time as `parseDate` produces it: a UTC instant or a calendar day. */
const TIME_RE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}Z)?$/;
/** Upper bound on a serialised payload; a full report is well under 40 KB. */
export const MAX_PAYLOAD_CHARS = 100_000;
/** Imports come from our own settings page only, and may hold a long history. */
export const MAX_IMPORT_CHARS = 200_000_000;

const HttpUrl = v.pipe(
  v.string(),
  v.maxLength(MAX_URL_LENGTH),
  v.check((s) => toHttpUrl(s, 'http://invalid/') === s, 'must be an absolute http(s) URL'),
);
const Title = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_TITLE_LENGTH));
const Time = v.nullable(v.pipe(v.string(), v.regex(TIME_RE)));

export const RelatedItemSchema = v.object({ title: Title, url: HttpUrl, publishedAt: Time });

export const ArticleReportSchema = v.object({
  url: HttpUrl,
  canonicalUrl: v.nullable(HttpUrl),
  headline: Title,
  publishedAt: Time,
  // Items are checked one by one: a bad item (a `javascript:` link, say) is dropped, not the report.
  related: v.pipe(
    v.array(v.unknown()),
    v.maxLength(MAX_RELATED),
    v.transform((items) =>
      items.flatMap((item) => {
        const parsed = v.safeParse(RelatedItemSchema, item);
        return parsed.success ? [parsed.output] : [];
      }),
    ),
  ),
});

export const UrlRequestSchema = v.object({ url: HttpUrl });

/** `all`: every entry the timeline keeps, not only its first page. */
export const TimelineRequestSchema = v.object({ url: HttpUrl, all: v.optional(v.boolean()) });

export const EmptySchema = v.object({});

export const LimitSchema = v.object({
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)), 20),
});

export const SearchSchema = v.object({
  query: v.pipe(v.string(), v.maxLength(200)),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)), 50),
});

const SiteSchema = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.minLength(1), v.maxLength(253));

export const SettingsPatchSchema = v.object({
  overlayMode: v.optional(v.picklist(['always', 'earlier', 'never'])),
  disabledSites: v.optional(v.pipe(v.array(SiteSchema), v.maxLength(1000))),
  retentionLimit: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(100)))),
});

/** An export file's text; its content is validated by the importer, record by record. */
export const ImportSchema = v.object({ json: v.pipe(v.string(), v.maxLength(MAX_IMPORT_CHARS)) });

export type ArticleReport = v.InferOutput<typeof ArticleReportSchema>;
export type RelatedReport = v.InferOutput<typeof RelatedItemSchema>;
export type UrlRequest = v.InferOutput<typeof UrlRequestSchema>;
export type SettingsPatch = v.InferOutput<typeof SettingsPatchSchema>;
