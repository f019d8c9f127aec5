import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp';
import '../../components/card.css';
import '../../components/pages.css';

render(<OptionsApp />, document.getElementById('app')!);
