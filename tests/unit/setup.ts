/**
 * Unit-test setup. WXT's fake browser does not implement i18n.getMessage; components call it through
 * lib/i18n.ts, so it is answered from the real public/_locales/en/messages.json (English, like a browser
 * without a Spanish interface). `useLocale('es')` switches a test to another translation.
 */
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessage, readMessages, type Messages } from './i18n/locales';

const cache = new Map<string, Messages>();
let current = 'en';

export function useLocale(locale: string): void {
  current = locale;
}

(fakeBrowser.i18n as { getMessage: unknown }).getMessage = (
  key: string,
  substitutions?: string | string[],
) => {
  if (!cache.has(current)) cache.set(current, readMessages(current));
  return getMessage(cache.get(current)!, key, substitutions);
};

afterEach(() => useLocale('en'));
