/**
 * The hover card's code (Preact, floating-ui, the card CSS) is not part of the content script every page
 * loads: most pages never open a card. The background injects `content-scripts/card.js` into the frame
 * the first time a card is about to open (see entrypoints/card.content.ts); it registers a factory here, on the
 * content scripts' isolated world, where the main content script picks it up. Pages cannot see it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendToBackground } from '../../messages';
import type { PopoverController, PopoverOptions } from './controller';

export type CardUiFactory = (
  ctx: ContentScriptContext,
  options: Omit<PopoverOptions, 'css'>,
) => PopoverController;

const CARD_UI = Symbol.for('source-context.card-ui');
type Scope = Record<symbol, CardUiFactory | undefined>;

export function registerCardUi(factory: CardUiFactory): void {
  (globalThis as unknown as Scope)[CARD_UI] = factory;
}

export function registeredCardUi(): CardUiFactory | undefined {
  return (globalThis as unknown as Scope)[CARD_UI];
}

/** The card factory, asking the background to inject the card's script into this frame the first time. */
export async function loadCardUi(): Promise<CardUiFactory> {
  const ready = registeredCardUi();
  if (ready) return ready;
  await sendToBackground({ type: 'load-card-ui' });
  const factory = registeredCardUi();
  if (!factory) throw new Error('the card script did not register');
  return factory;
}
