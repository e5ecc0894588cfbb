/**
 * UI strings through the browser's i18n (public/_locales). Messages name their placeholders
 * (`$COUNT$`); substitutions are passed by name and mapped to positions in alphabetical order,
 * the order the locale files declare them in.
 */
import { browser } from 'wxt/browser';

export type Params = Record<string, string | number>;
type Lookup = (key: string, substitutions: string[]) => string;

interface LocaleMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

let lookup: Lookup = (key, substitutions) =>
  (browser.i18n.getMessage as (key: string, subs?: string[]) => string)(key, substitutions);

/** Tests and tools without the extension's i18n use a messages.json directly. */
export function useMessages(messages: Record<string, LocaleMessage>): void {
  lookup = (key, substitutions) => {
    const entry = messages[key];
    if (!entry) return '';
    const placeholders = entry.placeholders ?? {};
    return entry.message
      .replace(/\$([A-Za-z0-9_@]+)\$/g, (match, name: string) => {
        return placeholders[name.toLowerCase()]?.content ?? match;
      })
      .replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  };
}

export function t(key: string, params: Params = {}): string {
  const substitutions = Object.keys(params)
    .sort()
    .map((name) => String(params[name]));
  let text = '';
  try {
    text = lookup(key, substitutions);
  } catch {
    // An invalidated extension context throws; the key is better than a broken UI.
  }
  return text || key;
}

/** English and German have one singular form; `_one` / `_other` keys carry the two. */
export function tn(key: string, count: number, params: Params = {}): string {
  return t(`${key}_${count === 1 ? 'one' : 'other'}`, { count, ...params });
}
