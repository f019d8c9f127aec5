/**
 * The interface's words, from the browser's i18n (public/_locales/<lang>/messages.json). Every string a
 * person sees goes through `t`; what the sources say is never translated.
 */
import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/** The message for `key` in the interface's language (`$1`… filled from `substitutions`). */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * The interface's language for Intl (plural rules, dates): the `locale` message of the translation the
 * browser picked. Chromium can serve Spanish messages while getUILanguage() still says English.
 */
export function uiLocale(): string {
  return t('locale') === 'locale' ? 'en' : t('locale');
}
