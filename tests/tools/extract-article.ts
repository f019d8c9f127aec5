/**
 * Extracts an article's paragraphs from a saved news page, as a seed file with null metadata:
 *   npx tsx tests/tools/extract-article.ts <page.html> "<css selector of the article body>" > out.txt
 * Used to make the generalisation fixtures in tests/fixtures/articles/ (pages from ../shared/corpus/).
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';

const [file, selector = 'article'] = process.argv.slice(2);
if (!file) {
  console.error('usage: extract-article.ts <page.html> [selector]');
  process.exit(2);
}
const window = new Window();
window.document.write(readFileSync(file, 'utf8').replace(/<script[\s\S]*?<\/script>/gi, ''));
const root = window.document.querySelector(selector);
if (!root) {
  console.error(`no element matches ${selector}`);
  process.exit(1);
}
const paragraphs = [...root.querySelectorAll('p')]
  .map((p) => p.textContent.replace(/\s+/g, ' ').trim())
  .filter((t) => t.length > 40);
const title = window.document.querySelector('h1')?.textContent.replace(/\s+/g, ' ').trim() ?? null;
console.log('---');
console.log(`title: ${JSON.stringify(title)}`);
console.log('outlet: null\ncitedSources: []\nurl: null\npublished: null\nlanguage: "en"');
console.log(
  `note: ${JSON.stringify(`Extracted from a saved page (${file.split('/').pop()}) for tests; metadata left unknown.`)}`,
);
console.log('---');
console.log(paragraphs.join('\n'));
await window.happyDOM.close();
