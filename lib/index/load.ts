/** Browser-only: loads the index shipped in the extension package (built from seeds/ by this build). */
import { browser } from 'wxt/browser';
import type { SourceIndex } from './schema';
import { INDEX_VERSION } from './constants';

let cached: Promise<SourceIndex> | null = null;

export function loadIndex(): Promise<SourceIndex> {
  cached ??= fetch(browser.runtime.getURL('/index.json'))
    .then((r) => r.json() as Promise<SourceIndex>)
    .then((index) => {
      if (index.version !== INDEX_VERSION) {
        throw new Error(
          `index.json has version ${index.version}; this build reads ${INDEX_VERSION}`,
        );
      }
      return index;
    });
  cached.catch(() => (cached = null));
  return cached;
}
