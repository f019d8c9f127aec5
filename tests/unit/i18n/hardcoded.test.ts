/**
 * No words of the interface written into the UI code: every one comes from t()/tn() and so from
 * public/_locales. Scans every .tsx file of components/, entrypoints/ and lib/, and UI_MODULES.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHardcodedStrings } from './hardcoded';

const ROOT = resolve(import.meta.dirname, '../../..');

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.tsx'))
    .map((e) => join(e.parentPath, e.name));
}

const found = (source: string) => findHardcodedStrings(source).map((f) => f.text.trim());

describe('the hard-coded string check', () => {
  it('finds words in JSX text, user-facing attributes and child expressions', () => {
    expect(found(`const A = () => <p>Nothing here</p>;`)).toEqual(['Nothing here']);
    expect(found(`const A = () => <button aria-label="Close">×</button>;`)).toEqual(['Close']);
    expect(found(`const A = () => <input placeholder={'Search…'} />;`)).toEqual(['Search…']);
    expect(found(`const A = (p) => <img alt={p.x ? 'Logo' : ''} />;`)).toEqual(['Logo']);
    expect(found(`const A = (p) => <Switch label={\`On for \${p.site}\`} />;`)).toEqual(['On for']);
    expect(found(`const A = (p) => <p>{p.ok ? 'On' : 'Off'}</p>;`)).toEqual(['On', 'Off']);
    expect(found(`const A = (p) => <p>{p.title ?? 'unknown'}</p>;`)).toEqual(['unknown']);
  });

  it('finds prose handed around in code: state setters, confirm(), option tables', () => {
    expect(found(`function f(set) { set('Enter a site such as example.com'); }`)).toHaveLength(1);
    expect(found(`function f() { if (confirm('Reset everything?')) return; }`)).toHaveLength(1);
    expect(found(`const S = [{ value: 'none', label: 'Soft background' }];`)).toEqual([
      'Soft background',
    ]);
    expect(found(`function f(saved) { saved('cards', 'Saved.'); }`)).toEqual(['Saved.']);
  });

  it('lets keys, code words, punctuation and non-text attributes through', () => {
    const ok = `
      import { t } from '../lib/i18n';
      type Scope = 'on this site' | 'everywhere';
      const A = (p) => (
        <p class="sc-card sc-active" id={\`sc-\${p.id}\`} rel="noreferrer noopener" role="status">
          {t('cardNotThis', p.name)} · {p.items.join(', ')}{' '}
          <span aria-hidden="true"> · </span>×{statusOf('cards')}
          {p.key === 'Escape' ? '–' : '…'}
        </p>
      );
      function g(e) { switch (e.key) { case 'Arrow Down': return; } }
    `;
    expect(findHardcodedStrings(ok)).toEqual([]);
  });
});

/** Modules that are not TSX but word what the interface shows (labels, menus, toolbar titles). */
const UI_MODULES = ['lib/format.ts', 'lib/sources.ts', 'lib/background.ts'];

describe('UI code', () => {
  const files = ['components', 'entrypoints', 'lib']
    .flatMap((d) => tsxFiles(join(ROOT, d)))
    .concat(UI_MODULES.map((f) => join(ROOT, f)));

  it('has TSX files to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))('%s shows no hard-coded words', (_, file) => {
    const findings = findHardcodedStrings(readFileSync(file, 'utf8'), file);
    expect(findings.map((f) => `line ${f.line} (${f.why}): ${JSON.stringify(f.text)}`)).toEqual([]);
  });
});
