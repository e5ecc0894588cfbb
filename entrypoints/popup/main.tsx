import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/PopupApp';
import { timelinePageUrl } from '../../utils/extension-pages';
import { sendMessage } from '../../utils/messaging/client';
import '../../assets/popup.css';

/** `?url=` shows the timeline of that article (tests, "open in a tab"); otherwise the active tab's. */
async function targetUrl(): Promise<string | null> {
  const fromQuery = new URLSearchParams(location.search).get('url');
  if (fromQuery) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url ?? null;
}

const inTab = new URLSearchParams(location.search).has('url');
document.documentElement.classList.toggle('in-tab', inTab);

render(
  <PopupApp
    resolveUrl={targetUrl}
    loadTimeline={(url) => sendMessage('getTimeline', { url })}
    openInTab={
      inTab
        ? undefined
        : (url) => {
            void browser.tabs.create({ url: timelinePageUrl(url) });
            window.close();
          }
    }
  />,
  document.getElementById('app') as HTMLElement,
);
