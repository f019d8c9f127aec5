/**
 * Runs inside the benchmarked page (main world, bundled by bench.ts with esbuild): the same scanner,
 * matcher and Highlight painter the content script uses, timed synchronously with performance.now().
 */
import { Matcher, type MatchAlias } from '../../lib/match/matcher';
import { SubtreeScan } from '../../lib/page/scanner';
import { createPainter } from '../../lib/page/highlights';

let matcher: Matcher | null = null;

const api = {
  /** (a) The floor: a bare TreeWalker read of every text node's data. */
  bare(): { ms: number; chars: number; nodes: number } {
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let chars = 0;
    let nodes = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      chars += (n as Text).data.length;
      nodes++;
    }
    return { ms: performance.now() - t0, chars, nodes };
  },
  compile(aliases: MatchAlias[]): number {
    const t0 = performance.now();
    matcher = new Matcher(aliases);
    return performance.now() - t0;
  },
  /** (b) Our scan + match + highlight, in one go, then the highlights are cleared (not timed). */
  ours(): { ms: number; mentions: number } {
    if (!matcher) throw new Error('compile first');
    const t0 = performance.now();
    const scan = new SubtreeScan(document.body, matcher);
    scan.run();
    const painter = createPainter('underline');
    for (const m of scan.mentions) painter.add(m);
    const ms = performance.now() - t0;
    painter.clear();
    return { ms, mentions: scan.mentions.length };
  },
};

(window as unknown as { __scBench: typeof api }).__scBench = api;
