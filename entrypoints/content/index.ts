import './highlights.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import bundledMatch from 'virtual:source-context/bundled-match';
import { runContentScript } from '../../lib/page/content-app';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*', 'file:///*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, bundledMatch),
});
