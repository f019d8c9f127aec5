import { buildIndexFromDir } from '../lib/index/build-from-dir';
const { index } = await buildIndexFromDir(process.argv[2]!);
const art = process.argv[3];
for (const e of index.entities.filter((e) => !art || e.mentions.some((m) => m.articleId === art)))
  console.log(`${e.name} [${e.type}] ${e.aliases.map((a) => a.text).join('|')}`);
