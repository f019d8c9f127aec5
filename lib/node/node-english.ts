/** Node-only: the English dictionary read from the `dictionary-en` package, once per process. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { englishFrom, type English } from '../extract/english';

let cached: English | null = null;

export function nodeEnglish(): English {
  if (!cached) {
    // The package's entry point sits beside its index.aff and index.dic.
    const entry = createRequire(import.meta.url).resolve('dictionary-en');
    const file = (name: string) => readFileSync(entry.replace(/index\.js$/, name));
    cached = englishFrom(file('index.aff'), file('index.dic'));
  }
  return cached;
}
