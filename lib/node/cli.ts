/**
 * npm run index -- --seeds <dir> --out <file.json>
 * Builds the article index. On any error it prints one line naming the file (and line), exits 1, and
 * leaves the previous output untouched: the new index is written to a temporary file and renamed.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildIndexFromDir } from './build-from-dir';
import { SeedError } from '../extract/errors';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { seeds: { type: 'string', default: 'seeds' }, out: { type: 'string' } },
  });
  if (!values.out) {
    console.error('usage: npm run index -- --seeds <dir> --out <file.json>');
    return 2;
  }
  try {
    const started = performance.now();
    const { index, json, duplicates } = await buildIndexFromDir(values.seeds);
    for (const d of duplicates) console.log(`skipped ${d.file}: the same text as ${d.sameAs}`);
    const tmp = `${values.out}.tmp-${process.pid}`;
    writeFileSync(tmp, json);
    renameSync(tmp, values.out);
    const ms = Math.round(performance.now() - started);
    console.log(
      `index: ${index.articles.length} articles, ${index.entities.length} entities → ${values.out} (${json.length} bytes, ${ms} ms)`,
    );
    return 0;
  } catch (err) {
    if (err instanceof SeedError) {
      console.error(`error: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = await main();
