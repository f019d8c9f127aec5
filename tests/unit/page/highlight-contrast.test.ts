/**
 * The page marks must be visible on light and dark pages alike (WCAG 1.4.11: 3:1 for non-text contrast).
 * The highlight rules cannot read the page's colours, so one colour must pass against both.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync('entrypoints/content/highlights.css', 'utf8');

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

function ruleOf(name: string): string {
  const m = new RegExp(String.raw`::highlight\(${name}\)\s*\{([^}]*)\}`).exec(css);
  if (!m) throw new Error(`no rule for ${name}`);
  return m[1]!;
}

describe('mark colours', () => {
  it.each(['source-context-underline', 'source-context-active'])(
    '%s keeps 3:1 against white, near-black and dark grey pages',
    (name) => {
      const color = /text-decoration-color:\s*(#[0-9a-f]{6})/i.exec(ruleOf(name))?.[1];
      expect(color).toBeDefined();
      for (const page of ['#ffffff', '#121212', '#202124', '#000000'])
        expect(contrast(color!, page), `${color} on ${page}`).toBeGreaterThanOrEqual(3);
    },
  );
});
