import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text as text; never build HTML from strings.' },
        { property: 'outerHTML', message: 'Render text as text; never build HTML from strings.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Index text is rendered as text, never as HTML.',
        },
      ],
    },
  },
  {
    // The boundary between build time and run time. lib/node/ (files, CLI) is for Node only: the
    // extension, and the extraction pipeline it runs for the user's own sources, must not reach it or Node's
    // modules.
    files: ['entrypoints/**', 'components/**', 'lib/**'],
    ignores: ['lib/node/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/node/*', 'node:*'], message: 'Node-only code: not for the extension.' },
          ],
          paths: ['fs', 'path', 'module', 'url', 'util'].map((name) => ({
            name,
            message: 'Node-only module: not for the extension.',
          })),
        },
      ],
    },
  },
  {
    // The content script runs on every page: it gets the matcher's data, never the index, the extraction
    // pipeline or the libraries behind them (types are free: they vanish at build time).
    files: ['entrypoints/content/**', 'lib/page/**', 'lib/match/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/node/*', '**/extract/*', '**/index/*', 'node:*'],
              allowTypeImports: true,
              message:
                'The content script gets the matcher data only (see lib/match/match-data.ts).',
            },
            {
              group: [
                'fuse.js',
                'zod',
                'nspell',
                'dictionary-en',
                'yaml',
                'mdast-util-from-markdown',
              ],
              message: 'Too heavy for a script on every page.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests compare serialised DOM to prove the page is left exactly as it was.
    files: ['tests/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
