import cardCss from '../components/card.css?inline';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { registerCardUi } from '../lib/page/card/load';
import { PopoverController } from '../lib/page/card/controller';

// Injected on demand by the background (see lib/page/card/load.ts), not on every page.
export default defineContentScript({
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*', 'file:///*'],
  main: () =>
    registerCardUi((ctx, options) => new PopoverController(ctx, { ...options, css: cardCss })),
});
