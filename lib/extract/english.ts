/**
 * What an English dictionary says about a capitalised word: is its lower-case form an ordinary word
 * ("Eggs", "Terminated", "Watch"), and is it listed as a proper noun ("Trump", "Washington")? Backed by
 * Hunspell's en_US dictionary (the `dictionary-en` package) read by `nspell`, so inflections count too.
 * Pure: the caller supplies the dictionary files (Node reads them from the package; an extension page
 * would import them as assets), so this runs in the browser as well as at build time.
 */
import nspell from 'nspell';

export interface English {
  /** The word, lower-cased, is an English dictionary word (any inflection). */
  isOrdinary(word: string): boolean;
  /** The dictionary lists the word capitalised: a name ("Trump", "Kristi", "Virginia"). */
  isProperNoun(word: string): boolean;
}

/** No dictionary: nothing is known to be ordinary (used where none is supplied). */
export const NO_ENGLISH: English = { isOrdinary: () => false, isProperNoun: () => false };

export function englishFrom(aff: string | Uint8Array, dic: string | Uint8Array): English {
  const dicText = typeof dic === 'string' ? dic : new TextDecoder().decode(dic);
  const spell = nspell(typeof aff === 'string' ? aff : new TextDecoder().decode(aff), dicText);
  const proper = new Set<string>();
  for (const line of dicText.split('\n')) {
    const c = line.charCodeAt(0);
    if (c >= 65 && c <= 90) proper.add(line.split('/')[0]!.trim());
  }
  const ordinaryCache = new Map<string, boolean>();
  const strip = (w: string) => w.replace(/['’]s?$/u, '');
  return {
    isOrdinary(word) {
      const lower = strip(word).toLowerCase();
      let v = ordinaryCache.get(lower);
      if (v === undefined) {
        v = /^\p{Ll}+(?:-\p{Ll}+)*$/u.test(lower) && spell.correct(lower);
        ordinaryCache.set(lower, v);
      }
      return v;
    },
    isProperNoun(word) {
      return proper.has(strip(word));
    },
  };
}
