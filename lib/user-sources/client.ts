/**
 * For extension pages (popup, reader, options): the merged index comes from the background, which owns
 * it (bundled + the reader's own sources); pages never read index.json themselves.
 */
import { browser } from 'wxt/browser';
import type { SourceIndex } from '../index/schema';
import { parsePageRequest, sendToBackground } from '../messages';

export async function fetchIndex(): Promise<SourceIndex> {
  const index = await sendToBackground({ type: 'get-index' });
  if (!index) throw new Error('the background did not answer with the index');
  return index;
}

/** Calls `onChange` whenever own sources are added or removed; returns the unsubscribe. */
export function watchIndex(onChange: () => void): () => void {
  const listener = (message: unknown, sender: { id?: string }) => {
    if (sender.id === browser.runtime.id && parsePageRequest(message)?.type === 'index-changed')
      onChange();
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/**
 * Open tabs come first after a change: the whole index (2 MB) is a large answer for the background to
 * serialise while every tab asks for its match data, so pages fetch it again a moment later.
 */
const REFETCH_DELAY_MS = 1500;

/** fetchIndex now and after every change. */
export function subscribeIndex(
  onIndex: (index: SourceIndex) => void,
  onError: (err: Error) => void,
): () => void {
  const load = () => void fetchIndex().then(onIndex, onError);
  load();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unwatch = watchIndex(() => {
    clearTimeout(timer);
    timer = setTimeout(load, REFETCH_DELAY_MS);
  });
  return () => (clearTimeout(timer), unwatch());
}
