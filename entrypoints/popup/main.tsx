import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import '../../components/card.css';
import '../../components/pages.css';

render(<PopupApp />, document.getElementById('app')!);
