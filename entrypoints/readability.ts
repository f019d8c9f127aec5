import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { MAX_ARTICLE_CHARS, toExtracted, type ExtractResult } from '../lib/user-sources/article';

/**
 * Injected on request only ("Add this page"), never loaded with every page (lib/user-sources/runtime.ts).
 * Readability reads a clone, so the page's own document is never changed. Runs in the content scripts'
 * isolated world: the page cannot see it or its answer.
 */
export default defineUnlistedScript((): ExtractResult => {
  // Far past the limit even before Readability drops the page's chrome: refused without the work.
  const rough = document.body?.textContent?.length ?? 0;
  if (rough > MAX_ARTICLE_CHARS * 10) return { ok: false, reason: 'too-large', chars: rough };
  // Readability's own test of whether the page holds an article: a sign-in form or a list of links does
  // not (parse() would still return their few words).
  if (!isProbablyReaderable(document)) return { ok: false, reason: 'not-article' };
  const clone = document.cloneNode(true) as Document;
  const parsed = new Readability(clone, { serializer: (el) => el as Element }).parse();
  return toExtracted(parsed, location.href);
});
