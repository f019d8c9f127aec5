/**
 * npm run eval:index — builds an index from the labelled development set (tests/fixtures/eval/seeds, no
 * curated overrides) and prints entity precision and recall, alias grouping, type accuracy and quote
 * attribution per article and overall, then the overall figures of a held-out set labelled the same way
 * but never tuned on. `--details` lists what was missed, spurious or wrong in the development set.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndexFromDir } from '../../lib/node/build-from-dir';
import {
  addCounts,
  emptyCounts,
  figures,
  scoreArticle,
  type ArticleScore,
  type Labels,
} from './metrics';

/** The development set (labelled, tuned on) and the held-out set (labelled, only its overall figures read). */
export const EVAL_DIR = 'tests/fixtures/eval';
export const HELDOUT_DIR = 'tests/fixtures/heldout';

export async function evaluate(
  dir = EVAL_DIR,
): Promise<{ scores: ArticleScore[]; overall: ReturnType<typeof figures> }> {
  const { index } = await buildIndexFromDir(join(dir, 'seeds'));
  const labelsDir = join(dir, 'labels');
  const scores = readdirSync(labelsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) =>
      scoreArticle(index, JSON.parse(readFileSync(join(labelsDir, f), 'utf8')) as Labels),
    );
  const total = scores.reduce((acc, s) => addCounts(acc, s.counts), emptyCounts());
  return { scores, overall: figures(total) };
}

const pct = (x: number) => x.toFixed(2);

function printTable(scores: ArticleScore[], overall: ReturnType<typeof figures>): void {
  const rows = scores.map((s) => {
    const f = figures(s.counts);
    return [
      s.article.length > 34 ? `${s.article.slice(0, 33)}…` : s.article,
      `${s.counts.found}/${s.counts.expected}`,
      pct(f.precision),
      pct(f.recall),
      pct(f.aliasGrouping),
      pct(f.typeAccuracy),
      pct(f.otherShare),
      `${s.counts.quotesCorrect}/${s.counts.quotes}`,
      pct(f.quoteAttribution),
    ];
  });
  rows.push([
    'OVERALL',
    '',
    pct(overall.precision),
    pct(overall.recall),
    pct(overall.aliasGrouping),
    pct(overall.typeAccuracy),
    pct(overall.otherShare),
    '',
    pct(overall.quoteAttribution),
  ]);
  const head = [
    'article',
    'found',
    'precision',
    'recall',
    'aliases',
    'types',
    'other',
    'quotes',
    'quote acc',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(head));
  console.log(
    `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
  );
  for (const r of rows) console.log(line(r));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const heldout = await evaluate(HELDOUT_DIR);
  console.log(`Held-out set (${heldout.scores.length} articles; not tuned on):\n`);
  printTable([], heldout.overall);
  const { scores, overall } = await evaluate();
  console.log(`\nDevelopment set (${scores.length} articles):\n`);
  printTable(scores, overall);
  if (process.argv.includes('--details')) {
    for (const s of scores) {
      console.log(`\n## ${s.article}`);
      for (const [label, list] of [
        ['missed', s.missed],
        ['spurious', s.spurious],
        ['wrong type', s.wrongType],
        ['aliases apart', s.splitAliases],
        ['quotes wrong', s.wrongQuotes],
      ] as const)
        if (list.length) console.log(`${label}: ${list.join('; ')}`);
    }
  }
}
