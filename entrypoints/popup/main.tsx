import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import { t } from '../../components/i18n';
import { extensionApi } from './api';
import '../../assets/theme.css';
import '../../assets/timeline.css';
import '../../assets/popup.css';

document.title = t('popupTitle');
document.documentElement.lang = t('@@ui_locale').replace('_', '-');
// `popup.html?url=` in a tab (older links, tests) gets the full-width layout.
const inTab = new URLSearchParams(location.search).has('url');
document.documentElement.classList.toggle('in-tab', inTab);

render(<PopupApp api={extensionApi({ inPopup: !inTab })} />, document.getElementById('app') as HTMLElement);
