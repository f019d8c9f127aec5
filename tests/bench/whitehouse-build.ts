/**
 * The index builder at real scale: every White House page in ../shared/sources/whitehouse (3,726 Markdown
 * files), built in this process. Run by bench.ts in a child process of its own, so its peak memory is the
 * build's alone; prints one JSON object on stdout. `npx tsx tests/bench/whitehouse-build.ts` runs it alone.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { buildIndex } from '../../lib/extract/build';
import { SeedError } from '../../lib/extract/errors';
import { decodeUtf8, parseMarkdownSeed, type SeedArticle } from '../../lib/extract/seed-file';
import { toMatchPayload } from '../../lib/match/payload';
import { nodeEnglish } from '../../lib/node/node-english';

export const WHITEHOUSE_DIR = join(import.meta.dirname, '../../../shared/sources/whitehouse');

export interface WhitehouseBuild {
  pages: number;
  /** Pages the seed reader refused, with its reason. */
  skipped: string[];
  /** Wall-clock time, as a person waits for it (the machine's other load included). */
  buildMs: number;
  /** CPU time of the build process (user + system): what the build itself costs. */
  buildCpuMs: number;
  peakRssBytes: number;
  entities: number;
  aliases: number;
  indexJsonBytes: number;
  payloadBytes: number;
  payloadMs: number;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return markdownFiles(path);
      return extname(name) === '.md' ? [path] : [];
    });
}

/** Reads, builds, and makes the content scripts' payload from the index. */
export async function buildWhitehouse(): Promise<{
  result: WhitehouseBuild;
  json: string;
  payload: string;
}> {
  const files = markdownFiles(WHITEHOUSE_DIR);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const skipped: string[] = [];
  const seeds: SeedArticle[] = files.flatMap((path) => {
    const rel = relative(WHITEHOUSE_DIR, path);
    // The folder path is part of the id (one statement may be filed under two sections); file names
    // may hold characters an id may not ("%f0%9f%93%89").
    const id = rel.slice(0, -3).replace(/[^A-Za-z0-9_-]/g, '-');
    try {
      return [
        parseMarkdownSeed(rel, id, decodeUtf8(rel, readFileSync(path)), {
          outlet: 'The White House',
          citedSources: [],
          language: 'en',
        }),
      ];
    } catch (err) {
      // A page the seed reader refuses (one with no text) is counted, as the CLI would report it.
      if (!(err instanceof SeedError)) throw err;
      skipped.push(`${rel}: ${err.reason}`);
      return [];
    }
  });
  const index = buildIndex(seeds, undefined, nodeEnglish());
  const json = JSON.stringify(index);
  const buildMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const payloadStarted = performance.now();
  const payload = JSON.stringify(await toMatchPayload(index, 'whitehouse'));
  const payloadMs = performance.now() - payloadStarted;
  return {
    result: {
      pages: files.length,
      skipped,
      buildMs,
      buildCpuMs: (cpu.user + cpu.system) / 1000,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      entities: index.entities.length,
      aliases: index.entities.reduce((n, e) => n + e.aliases.length, 0),
      indexJsonBytes: Buffer.byteLength(json),
      payloadBytes: Buffer.byteLength(payload),
      payloadMs,
    },
    json,
    payload,
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  if (!existsSync(WHITEHOUSE_DIR)) {
    console.log(JSON.stringify({ skipped: `${WHITEHOUSE_DIR} not found` }));
  } else {
    // The payload goes to a file when asked: bench.ts loads it into pages to scan the corpus with it.
    const out = process.argv[2];
    const { result, payload } = await buildWhitehouse();
    if (out) writeFileSync(out, payload);
    console.log(JSON.stringify(result));
  }
}
