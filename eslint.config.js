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
    // Tests compare serialised DOM to prove the page is left exactly as it was.
    files: ['tests/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
