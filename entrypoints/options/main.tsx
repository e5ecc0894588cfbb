import { render } from 'preact';
import { OptionsApp, type OptionsApi } from '../../components/OptionsApp';
import { t } from '../../components/i18n';
import { sendMessage } from '../../utils/messaging/client';
import '../../assets/theme.css';
import '../../assets/popup.css';
import '../../assets/options.css';

document.title = t('settingsTitle');
document.documentElement.lang = t('@@ui_locale').replace('_', '-');

/** A download made in the page itself: no `downloads` permission needed. */
function saveFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const api: OptionsApi = {
  getSettings: () => sendMessage('getSettings', {}),
  setSettings: (patch) => sendMessage('setSettings', patch),
  getStats: () => sendMessage('getStats', {}),
  exportData: () => sendMessage('exportData', {}),
  importData: (json) => sendMessage('importData', { json }),
  clearData: () => sendMessage('clearData', {}),
  saveFile,
};

render(<OptionsApp api={api} />, document.getElementById('app') as HTMLElement);
