import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import { t } from '../../components/i18n';
import { extensionApi } from '../popup/api';
import '../../assets/theme.css';
import '../../assets/timeline.css';
import '../../assets/popup.css';

document.title = t('timelinePageTitle');
document.documentElement.lang = t('@@ui_locale').replace('_', '-');

render(<PopupApp api={extensionApi({ inPopup: false })} />, document.getElementById('app') as HTMLElement);
