/** The toolbar badge: how many earlier reports of the tab's story there are (nothing when none). */
import { browser } from 'wxt/browser';

/** Chrome MV3 has `action`, Firefox MV2 `browserAction`; both take the same calls. */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

export async function showEarlierCount(tabId: number, earlier: number): Promise<void> {
  const action = toolbarAction();
  if (!action) return;
  // Per-tab values: browsers drop them when the tab navigates, so a new page starts blank.
  await action.setBadgeText({ tabId, text: earlier > 0 ? (earlier > 999 ? '999+' : String(earlier)) : '' });
  if (earlier > 0) await action.setBadgeBackgroundColor({ tabId, color: '#3b5bdb' });
}
