/**
 * The translations in public/_locales, read as the browser reads them, for unit tests: the unit
 * environment (WXT's fake browser) has no i18n.getMessage, so tests/unit/setup.ts answers it from these
 * files, with the browser's substitution rules ($name$ placeholders whose content refers to $1…$9,
 * "$$" for a dollar sign).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LOCALES_DIR = resolve(import.meta.dirname, '../../../public/_locales');

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, MessageEntry>;

export function localeNames(): string[] {
  return readdirSync(LOCALES_DIR).sort();
}

export function readMessages(locale: string): Messages {
  return JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;
}

/** What browser.i18n.getMessage answers for `key` with these messages: '' for an unknown key. */
export function getMessage(
  messages: Messages,
  key: string,
  substitutions?: string | string[],
): string {
  const entry = messages[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  const placeholders = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  const fill = (text: string) =>
    text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  return entry.message.replace(/\$\$|\$([a-z0-9_@]+)\$/gi, (whole, name?: string) =>
    name === undefined ? '$' : fill(placeholders[name.toLowerCase()] ?? whole),
  );
}
