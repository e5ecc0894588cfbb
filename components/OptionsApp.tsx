import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { OverlayMode, Settings, StatsView } from '../utils/db/views';
import { t, tn } from './i18n';
import { StorageNotice } from './StorageNotice';
import { errorMessage } from './error-message';

/** What the settings page needs from the extension; tests pass fakes. */
export interface OptionsApi {
  getSettings: () => Promise<Settings>;
  setSettings: (patch: Partial<Settings>) => Promise<Settings>;
  getStats: () => Promise<StatsView>;
  exportData: () => Promise<{ json: string; articles: number }>;
  importData: (json: string) => Promise<{ articles: number }>;
  clearData: () => Promise<unknown>;
  /** Hands a file to the reader (a download in the extension page). */
  saveFile: (name: string, text: string) => void;
}

const MODES: { mode: OverlayMode; label: string }[] = [
  { mode: 'earlier', label: 'overlayModeEarlier' },
  { mode: 'always', label: 'overlayModeAlways' },
  { mode: 'never', label: 'overlayModeNever' },
];
const MIN_RETENTION = 100;
const DEFAULT_RETENTION = 10_000;

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; settings: Settings };

export function OptionsApp({ api }: { api: OptionsApi }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [status, setStatus] = useState('');
  const [stats, setStats] = useState<StatsView | null>(null);

  const refreshStats = () => api.getStats().then(setStats, () => setStats(null));
  useEffect(() => {
    api.getSettings().then(
      (settings) => setLoad({ kind: 'ready', settings }),
      (error: unknown) => setLoad({ kind: 'error', message: errorMessage(error) }),
    );
    void refreshStats();
  }, [api]);

  const save = async (patch: Partial<Settings>) => {
    try {
      const settings = await api.setSettings(patch);
      setLoad({ kind: 'ready', settings });
      setStatus(t('saved'));
    } catch (error) {
      setStatus(t('saveFailed', { reason: errorMessage(error) }));
    }
  };

  return (
    <main class="options" data-ready={load.kind !== 'loading' || undefined}>
      <h1>{t('settingsTitle')}</h1>
      <p class="status" role="status">
        {status}
      </p>
      {load.kind === 'loading' && <p>{t('settingsLoading')}</p>}
      {load.kind === 'error' && (
        <p class="error" role="alert">
          {t('settingsError', { reason: load.message })}
        </p>
      )}
      {load.kind === 'ready' && (
        <>
          <OverlaySection settings={load.settings} save={save} />
          <SitesSection settings={load.settings} save={save} />
          <RetentionSection settings={load.settings} save={save} setStatus={setStatus} />
        </>
      )}
      <DataSection api={api} stats={stats} refreshStats={refreshStats} setStatus={setStatus} />
      <Privacy />
    </main>
  );
}

type Save = (patch: Partial<Settings>) => Promise<void>;

function OverlaySection({ settings, save }: { settings: Settings; save: Save }) {
  const name = useId();
  return (
    <section>
      <fieldset>
        <legend>
          <h2>{t('overlaySection')}</h2>
        </legend>
        {MODES.map(({ mode, label }) => (
          <label class="choice" key={mode}>
            <input
              type="radio"
              name={name}
              value={mode}
              checked={settings.overlayMode === mode}
              onChange={() => void save({ overlayMode: mode })}
            />
            {t(label)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

function SitesSection({ settings, save }: { settings: Settings; save: Save }) {
  const [site, setSite] = useState('');
  const inputId = useId();
  const headingId = useId();
  const sites = settings.disabledSites;
  const add = (event: Event) => {
    event.preventDefault();
    const host = site
      .trim()
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .replace(/[/:].*$/, '')
      .replace(/^www\./, '');
    if (!host) return;
    setSite('');
    if (!sites.includes(host)) void save({ disabledSites: [...sites, host] });
  };
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sitesSection')}</h2>
      <p class="help">{t('sitesHelp')}</p>
      {sites.length === 0 ? (
        <p>{t('sitesEmpty')}</p>
      ) : (
        <ul class="sites">
          {sites.map((host) => (
            <li key={host}>
              <span>{host}</span>
              <button
                type="button"
                aria-label={t('siteRemove', { site: host })}
                onClick={() => void save({ disabledSites: sites.filter((s) => s !== host) })}
              >
                {t('siteRemoveShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="row" onSubmit={add}>
        <label for={inputId}>{t('siteInputLabel')}</label>
        <input id={inputId} type="text" value={site} onInput={(e) => setSite(e.currentTarget.value)} />
        <button type="submit">{t('siteAdd')}</button>
      </form>
    </section>
  );
}

function RetentionSection({
  settings,
  save,
  setStatus,
}: {
  settings: Settings;
  save: Save;
  setStatus: (s: string) => void;
}) {
  const [limited, setLimited] = useState(settings.retentionLimit !== null);
  const [count, setCount] = useState(String(settings.retentionLimit ?? DEFAULT_RETENTION));
  const name = useId();
  const countId = useId();
  const submit = (event: Event) => {
    event.preventDefault();
    if (!limited) return void save({ retentionLimit: null });
    const n = Number(count);
    if (!Number.isInteger(n) || n < MIN_RETENTION) return setStatus(t('retentionInvalid'));
    void save({ retentionLimit: n });
  };
  return (
    <section>
      <form onSubmit={submit}>
        <fieldset>
          <legend>
            <h2>{t('retentionSection')}</h2>
          </legend>
          <label class="choice">
            <input type="radio" name={name} checked={!limited} onChange={() => setLimited(false)} />
            {t('retentionUnlimited')}
          </label>
          <label class="choice">
            <input type="radio" name={name} checked={limited} onChange={() => setLimited(true)} />
            {t('retentionLimited')}
          </label>
          <div class="row">
            <label for={countId} class="visually-hidden">
              {t('retentionCount')}
            </label>
            <input
              id={countId}
              type="number"
              min={MIN_RETENTION}
              step={1}
              value={count}
              disabled={!limited}
              onInput={(e) => setCount(e.currentTarget.value)}
            />
            <button type="submit">{t('retentionSave')}</button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}

function DataSection({
  api,
  stats,
  refreshStats,
  setStatus,
}: {
  api: OptionsApi;
  stats: StatsView | null;
  refreshStats: () => Promise<void>;
  setStatus: (s: string) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const clearButton = useRef<HTMLButtonElement>(null);
  const fileId = useId();
  const headingId = useId();
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const run = async (task: () => Promise<string>) => {
    try {
      setStatus(await task());
    } catch (error) {
      setStatus(t('saveFailed', { reason: errorMessage(error) }));
    }
    void refreshStats();
  };
  const exportFile = () =>
    run(async () => {
      const { json, articles } = await api.exportData();
      api.saveFile(`backstory-${new Date().toISOString().slice(0, 10)}.json`, json);
      return tn('exportDone', articles);
    });
  const importFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    void run(async () => {
      const { articles } = await api.importData(await file.text());
      input.value = '';
      return tn('importDone', articles);
    });
  };
  const clear = () =>
    run(async () => {
      await api.clearData();
      setConfirming(false);
      clearButton.current?.focus();
      return t('clearDone');
    });

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('dataSection')}</h2>
      <p data-testid="stats">
        {stats ? t('stats', { articles: stats.articles, stories: stats.stories }) : t('statsLoading')}{' '}
        {stats?.storage.mode === 'persistent' && t('storagePersistent')}
      </p>
      <StorageNotice storage={stats?.storage} />
      <div class="row">
        <button type="button" onClick={() => void exportFile()}>
          {t('exportButton')}
        </button>
        <label for={fileId} class="file">
          {t('importLabel')}
        </label>
        <input
          id={fileId}
          type="file"
          accept="application/json,.json"
          onChange={(e) => importFile(e.currentTarget)}
        />
      </div>
      <div class="row">
        <button ref={clearButton} type="button" class="danger" onClick={() => setConfirming(true)}>
          {t('clearButton')}
        </button>
      </div>
      {confirming && (
        <div
          class="confirm"
          role="alertdialog"
          aria-label={t('clearButton')}
          aria-describedby={`${headingId}-c`}
        >
          <p id={`${headingId}-c`}>{t('clearConfirm')}</p>
          <button ref={confirmButton} type="button" class="danger" onClick={() => void clear()}>
            {t('clearYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('clearNo')}
          </button>
        </div>
      )}
    </section>
  );
}

function Privacy() {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} class="privacy">
      <h2 id={headingId}>{t('privacySection')}</h2>
      <p>{t('privacyWhat')}</p>
      <p>{t('privacyWhere')}</p>
      <p>{t('privacyNothing')}</p>
    </section>
  );
}
