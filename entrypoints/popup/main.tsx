import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import '../../components/card.css';
import '../../components/pages.css';
import { t, uiLocale } from '../../lib/i18n';

document.documentElement.lang = uiLocale();
document.title = t('extName');

render(<PopupApp />, document.getElementById('app')!);
