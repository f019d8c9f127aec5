import { render } from 'preact';
import { ReaderApp } from '../../components/ReaderApp';
import '../../components/card.css';
import '../../components/pages.css';

render(<ReaderApp />, document.getElementById('app')!);
