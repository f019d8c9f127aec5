/**
 * The translations are complete and consistent: the same keys in every language, the same placeholders,
 * every placeholder defined and used, plural forms complete, every key used by the code, and the
 * `locale` tag one Intl knows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getMessage, localeNames, readMessages, type Messages } from './locales';

const ROOT = resolve(import.meta.dirname, '../../..');
const locales = localeNames();
const messages = Object.fromEntries(locales.map((l) => [l, readMessages(l)])) as Record<
  string,
  Messages
>;
const en = messages.en!;

/** `$name$` references in a message, lower-cased as the browser matches them. */
const placeholdersUsed = (message: string) =>
  [...message.replace(/\$\$/g, '').matchAll(/\$([a-z0-9_@]+)\$/gi)].map((m) => m[1]!.toLowerCase());

/** Words of English and Spanish may coincide: these keys hold the same text in both, on purpose. */
const SAME_IN_EVERY_LANGUAGE = new Set(['extName', 'cardOriginal', 'popupSourceOption']);

describe('public/_locales', () => {
  it('has English (the default locale) and Spanish', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'es']));
  });

  it.each(locales)('%s has exactly the keys of en', (locale) => {
    const keys = Object.keys(messages[locale]!);
    expect({ missing: Object.keys(en).filter((k) => !keys.includes(k)) }).toEqual({ missing: [] });
    expect({ extra: keys.filter((k) => !(k in en)) }).toEqual({ extra: [] });
  });

  it.each(locales)('%s: same placeholders as en, each defined and used', (locale) => {
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(messages[locale]!)) {
      if (!/^[A-Za-z0-9_]+$/.test(key)) problems.push(`${key}: not a valid key name`);
      if (!entry.message.trim()) problems.push(`${key}: empty`);
      const used = new Set(placeholdersUsed(entry.message));
      const defined = Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase());
      for (const u of used) if (!defined.includes(u)) problems.push(`${key}: $${u}$ not defined`);
      for (const d of defined) if (!used.has(d)) problems.push(`${key}: $${d}$ never used`);
      // A lone "$" would be read as the start of a placeholder; "$$" is a dollar sign.
      const stray = entry.message.replace(/\$\$|\$[a-z0-9_@]+\$/gi, '');
      if (stray.includes('$')) problems.push(`${key}: stray "$"`);
      const contents = Object.entries(entry.placeholders ?? {}).map(
        ([n, p]) => `${n.toLowerCase()}=${p.content}`,
      );
      const enContents = Object.entries(en[key]?.placeholders ?? {}).map(
        ([n, p]) => `${n.toLowerCase()}=${p.content}`,
      );
      if (contents.sort().join() !== enContents.sort().join())
        problems.push(
          `${key}: placeholders ${contents.join()} differ from en ${enContents.join()}`,
        );
    }
    expect(problems).toEqual([]);
  });

  it('every plural message has _one and _other, and its count as $1', () => {
    const problems: string[] = [];
    for (const locale of locales) {
      const keys = Object.keys(messages[locale]!);
      const bases = new Set(
        keys
          .filter((k) => /_(zero|one|two|few|many|other)$/.test(k))
          .map((k) => k.replace(/_[a-z]+$/, '')),
      );
      for (const base of bases) {
        for (const form of ['one', 'other'])
          if (!keys.includes(`${base}_${form}`)) problems.push(`${locale} ${base}_${form} missing`);
        for (const k of keys.filter((k) => k.startsWith(`${base}_`)))
          if (!getMessage(messages[locale]!, k, ['\u0001']).includes('\u0001'))
            problems.push(`${locale} ${k}: does not show its count`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(locales)('%s: the locale message is a tag Intl supports, of that language', (locale) => {
    const tag = messages[locale]!.locale!.message;
    expect(Intl.getCanonicalLocales(tag)).toEqual([tag]);
    expect(Intl.PluralRules.supportedLocalesOf(tag)).toEqual([tag]);
    expect(new Intl.Locale(tag).language).toBe(locale.split('_')[0]);
  });

  it.each(locales.filter((l) => l !== 'en'))('%s is translated, not copied from en', (locale) => {
    const copied = Object.keys(en).filter(
      (k) =>
        k !== 'locale' &&
        !SAME_IN_EVERY_LANGUAGE.has(k) &&
        messages[locale]![k]?.message === en[k]!.message,
    );
    expect(copied).toEqual([]);
  });

  it('every key is used by the code, and every key the manifest names exists', () => {
    const sources = ['components', 'entrypoints', 'lib']
      .flatMap((d) =>
        readdirSync(join(ROOT, d), { withFileTypes: true, recursive: true })
          .filter((e) => e.isFile() && /\.(tsx?|html)$/.test(e.name))
          .map((e) => join(e.parentPath, e.name)),
      )
      .concat(join(ROOT, 'wxt.config.ts'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const quoted = new Set([...sources.matchAll(/['"`]([A-Za-z0-9_]+)['"`]/g)].map((m) => m[1]));
    const manifest = [...sources.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1]!);
    const unused = Object.keys(en).filter(
      (k) => !quoted.has(k) && !manifest.includes(k) && !quoted.has(k.replace(/_[a-z]+$/, '')),
    );
    expect({ unused }).toEqual({ unused: [] });
    expect(manifest.filter((k) => !(k in en))).toEqual([]);
  });
});
