/** The reader's settings, in extension storage (kept apart from the history, so they survive a clear). */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings } from '../db/views';
import { type SettingsPatch, SettingsPatchSchema } from '../messaging/schemas';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const parsed = v.safeParse(SettingsPatchSchema, stored ?? {});
  return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.output : {}) };
}

export async function saveSettings(patch: SettingsPatch): Promise<Settings> {
  const next: Settings = { ...(await loadSettings()), ...patch };
  next.disabledSites = [...new Set(next.disabledSites.map(siteKey))].sort();
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** How sites are named in the off-list: the host without `www.`. */
export function siteKey(hostOrUrl: string): string {
  let host = hostOrUrl.trim().toLowerCase();
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(host)) host = new URL(host).hostname;
  } catch {
    // Not a URL: taken as a host name.
  }
  return host.replace(/^www\./, '').replace(/\.$/, '');
}

export function isSiteDisabled(settings: Settings, url: string): boolean {
  const host = siteKey(url);
  return settings.disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}
