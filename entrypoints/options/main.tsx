import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp';
import '../../components/card.css';
import '../../components/pages.css';
import { t, uiLocale } from '../../lib/i18n';

document.documentElement.lang = uiLocale();
document.title = t('optionsTitle');

render(<OptionsApp />, document.getElementById('app')!);
