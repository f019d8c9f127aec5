/**
 * Runs inside the benchmarked page (main world, bundled by bench.ts with esbuild): the same scanner,
 * matcher and Highlight painter the content script uses, timed with performance.now() over `iterations`
 * back-to-back runs (the page clock is coarsened to 0.1 ms, so one run is too short to time alone).
 */
import { compileMatcher } from '../../lib/match/compile';
import type { Matcher, MatchAlias } from '../../lib/match/matcher';
import { readyMatchFrom } from '../../lib/match/payload';
import { SubtreeScan } from '../../lib/page/scanner';
import { createPainter } from '../../lib/page/highlights';

let matcher: Matcher | null = null;
let sink = 0;

const api = {
  /**
   * (a) The floor: one pass over the page's text — a TreeWalker over every text node of the body,
   * reading each character once (a checksum, so the reads cannot be optimised away).
   */
  bare(iterations: number): { ms: number; chars: number; nodes: number } {
    let chars = 0;
    let nodes = 0;
    const t0 = performance.now();
    for (let k = 0; k < iterations; k++) {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      chars = 0;
      nodes = 0;
      let h = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const data = (n as Text).data;
        for (let i = 0; i < data.length; i++) h = (h + data.charCodeAt(i)) | 0;
        chars += data.length;
        nodes++;
      }
      sink ^= h;
    }
    return { ms: (performance.now() - t0) / iterations, chars, nodes };
  },
  /** (a0) Reading every text node's data without looking at its characters: node count, not text. */
  nodesOnly(iterations: number): number {
    const t0 = performance.now();
    for (let k = 0; k < iterations; k++) {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) sink ^= (n as Text).data.length;
    }
    return (performance.now() - t0) / iterations;
  },
  /** Compiling, as the background or the build does it (never a page): timed here on the same engine. */
  compile(aliases: MatchAlias[]): number {
    const t0 = performance.now();
    matcher = compileMatcher(aliases);
    return performance.now() - t0;
  },
  /** Decoding a payload's JSON text, as the content script does (the first time in this page: cold). */
  async decode(text: string): Promise<number> {
    const t0 = performance.now();
    matcher = (await readyMatchFrom(text)).matcher;
    return performance.now() - t0;
  },
  /** (b) Our scan + match + highlight of the whole body (highlights cleared after each run). */
  ours(iterations: number): { ms: number; mentions: number } {
    if (!matcher) throw new Error('compile first');
    let mentions = 0;
    const t0 = performance.now();
    for (let k = 0; k < iterations; k++) {
      const scan = new SubtreeScan(document.body, matcher);
      scan.run();
      const painter = createPainter('underline');
      for (const m of scan.mentions) painter.add(m);
      mentions = scan.mentions.length;
      painter.clear();
    }
    return { ms: (performance.now() - t0) / iterations, mentions };
  },
  sink: () => sink,
};

(window as unknown as { __scBench: typeof api }).__scBench = api;
