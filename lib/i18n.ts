/**
 * The interface's words, from the browser's i18n (public/_locales/<lang>/messages.json). Every string a
 * person sees goes through `t` (or `tn` when it holds a count); what the sources say is never translated.
 */
import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/**
 * Messages with plural forms, named by their base: `<base>_one`, `<base>_other` (and any other
 * Intl.PluralRules category a language needs, such as `_many`) in messages.json. `$1` is the count.
 */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_other` ? Base : never;
}[MessageKey];

/** The message for `key` in the interface's language (`$1`… filled from `substitutions`). */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * The interface's language for Intl (plural rules, dates, numbers): the `locale` message of the
 * translation the browser picked. Chromium can serve Spanish messages while getUILanguage() still says
 * English, so the browser's own idea of the language is not asked.
 */
export function uiLocale(): string {
  const locale = t('locale');
  return locale === 'locale' ? 'en' : locale;
}

/**
 * The interface's writing direction ("ltr" or "rtl", the browser's predefined `@@bidi_dir` message for
 * the translation in use): the card sets it, so a right-to-left page does not reorder an English card.
 */
export function uiDirection(): 'ltr' | 'rtl' {
  return browser.i18n.getMessage('@@bidi_dir' as MessageKey) === 'rtl' ? 'rtl' : 'ltr';
}

const formats = new Map<string, { plural: Intl.PluralRules; number: Intl.NumberFormat }>();

function formatsFor(locale: string) {
  let f = formats.get(locale);
  if (!f) {
    f = { plural: new Intl.PluralRules(locale), number: new Intl.NumberFormat(locale) };
    formats.set(locale, f);
  }
  return f;
}

/** A number as the interface's language writes it ("1,234" in English, "1234"/"12.345" in Spanish). */
export function formatNumber(n: number): string {
  return formatsFor(uiLocale()).number.format(n);
}

/**
 * The form of the plural message `key` that the interface's language uses for `count` (by
 * Intl.PluralRules), with `$1` the count as that language writes it and `$2`… from `substitutions`.
 * A category a translation does not spell out (Spanish `many`, for a million) falls back to `_other`.
 */
export function tn(key: PluralKey, count: number, substitutions: string[] = []): string {
  const { plural, number } = formatsFor(uiLocale());
  const values = [number.format(count), ...substitutions];
  return (
    // A key that does not exist (`_many` where the translation has none) gives '' and falls back.
    browser.i18n.getMessage(`${key}_${plural.select(count)}` as MessageKey, values) ||
    t(`${key}_other`, values)
  );
}
