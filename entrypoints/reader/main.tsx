import { render } from 'preact';
import { ReaderApp } from '../../components/ReaderApp';
import '../../components/card.css';
import '../../components/pages.css';
import { t, uiLocale } from '../../lib/i18n';

document.documentElement.lang = uiLocale();
document.title = t('readerTitle');

render(<ReaderApp />, document.getElementById('app')!);
