/**
 * Finds words a person would see that are written into a component instead of coming from `t()`:
 * parses TSX with the TypeScript compiler and reports
 *  - JSX text with a letter in it;
 *  - string (or template) literals with a letter in a user-facing attribute (title, aria-label,
 *    placeholder, alt, label, description…), including inside expressions there;
 *  - the same inside a JSX child expression (`{ok ? 'On' : 'Off'}`);
 *  - anywhere else, literals that read as prose (two words, or a capitalised word followed by more),
 *    such as a message handed to a state setter or to confirm().
 * Arguments of t()/tn() are message keys, not words, and are skipped, as are types, imports,
 * comparisons (`e.key === 'Escape'`), `case` labels and non-text attributes (class, id, href…).
 */
import ts from 'typescript';

export interface Finding {
  line: number;
  text: string;
  why: string;
}

/** Attributes whose value a person reads or hears. */
const USER_FACING = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'placeholder',
  'alt',
  'label',
  'description',
  'message',
  'summary',
]);

/**
 * Attributes that never carry words: their literals are skipped entirely. Anything not here or in
 * USER_FACING gets the prose check.
 */
const NOT_TEXT = new Set([
  'class',
  'className',
  'id',
  'key',
  'type',
  'name',
  'rel',
  'target',
  'href',
  'src',
  'role',
  'lang',
  'for',
  'htmlFor',
  'autocomplete',
  'inputmode',
  'aria-live',
  'aria-modal',
  'aria-controls',
  'aria-describedby',
  'aria-labelledby',
  'aria-activedescendant',
  'aria-autocomplete',
  'aria-hidden',
]);

/** Functions whose string arguments are message keys. */
const KEY_FUNCTIONS = new Set(['t', 'tn']);

/** Literals allowed in user-facing places (letters that are not words of the interface): none so far. */
const ALLOWED = new Set<string>([]);

const hasLetter = (s: string) => /\p{L}/u.test(s);
/** Two words in a row, or a capitalised word followed by more text: "Saved.", "Remove site". */
const looksLikeProse = (s: string) =>
  /(?<![\w-])\p{L}{2,}\s+\p{L}{2,}(?![\w-])/u.test(s) || /^\p{Lu}\p{Ll}+[\s.…!?:]/u.test(s.trim());

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return null;
}

function isKeyCall(node: ts.Node): boolean {
  return (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    KEY_FUNCTIONS.has(node.expression.text)
  );
}

function isComparisonOperand(node: ts.Node): boolean {
  const p = node.parent;
  if (ts.isCaseClause(p)) return p.expression === node;
  if (!ts.isBinaryExpression(p)) return false;
  const op = p.operatorToken.kind;
  return (
    op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
    op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
    op === ts.SyntaxKind.EqualsEqualsToken ||
    op === ts.SyntaxKind.ExclamationEqualsToken
  );
}

export function findHardcodedStrings(source: string, fileName = 'component.tsx'): Finding[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string, why: string) => {
    if (ALLOWED.has(text.trim())) return;
    findings.push({
      line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      text,
      why,
    });
  };

  /** `mode`: how literals met below this node are judged. */
  const visit = (node: ts.Node, mode: 'visible' | 'prose' | 'skip') => {
    if (
      ts.isImportDeclaration(node) ||
      ts.isExportDeclaration(node) ||
      ts.isTypeNode(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isTypeAliasDeclaration(node) ||
      isKeyCall(node)
    )
      return;
    if (ts.isJsxText(node)) {
      if (hasLetter(node.text)) report(node, node.text.trim(), 'JSX text');
      return;
    }
    if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(file);
      const attrMode = USER_FACING.has(name) ? 'visible' : NOT_TEXT.has(name) ? 'skip' : 'prose';
      if (node.initializer) visit(node.initializer, attrMode);
      return;
    }
    if (
      ts.isJsxExpression(node) &&
      node.parent &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      if (node.expression) visit(node.expression, 'visible');
      return;
    }
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) {
      // A nested element judges its own attributes and children.
      ts.forEachChild(node, (c) => visit(c, 'prose'));
      return;
    }
    // What a call is given is not shown as such ({statusOf('cards')}): judged as prose only.
    if (ts.isCallExpression(node) && mode === 'visible') {
      visit(node.expression, mode);
      node.arguments.forEach((a) => visit(a, 'prose'));
      return;
    }
    // Object keys and property names are identifiers of the code, not words.
    if (ts.isPropertyAssignment(node)) {
      visit(node.initializer, mode);
      return;
    }
    const text = literalText(node);
    if (text !== null) {
      if (mode !== 'skip' && !isComparisonOperand(node)) {
        if (mode === 'visible' && hasLetter(text))
          report(node, text, 'literal shown to the reader');
        else if (mode === 'prose' && looksLikeProse(text)) report(node, text, 'prose literal');
      }
      if (ts.isTemplateExpression(node))
        node.templateSpans.forEach((s) => visit(s.expression, mode));
      return;
    }
    ts.forEachChild(node, (c) => visit(c, mode));
  };
  visit(file, 'prose');
  return findings;
}
