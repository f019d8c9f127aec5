/**
 * Least privilege, checked on the built manifests (Chrome MV3 from the e2e global setup, Firefox MV2 built
 * here): a permission that is not on the list below fails the run, and extension pages keep a CSP that
 * lets them reach nothing but the extension's own files. A new permission needs its reason written beside
 * it in wxt.config.ts and here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness';

const SITES = ['file:///*', 'http://*/*', 'https://*/*'];

const ALLOWED = {
  'chrome-mv3': { permissions: ['contextMenus', 'scripting', 'storage'], hosts: SITES },
  // MV2 lists host access among the permissions.
  'firefox-mv2': { permissions: ['contextMenus', 'storage', ...SITES], hosts: [] as string[] },
} as const;

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  content_security_policy?: string | { extension_pages?: string };
  content_scripts?: Array<{ matches: string[] }>;
};

const read = (target: string): Manifest =>
  JSON.parse(readFileSync(join(ROOT, '.output', target, 'manifest.json'), 'utf8')) as Manifest;

/** A CSP as directive → sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('built manifests', () => {
  beforeAll(() => {
    const wxt = join(ROOT, 'node_modules/wxt/bin/wxt.mjs');
    if (!existsSync(join(ROOT, '.output/chrome-mv3/manifest.json')))
      execFileSync(process.execPath, [wxt, 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (process.env.SC_SKIP_BUILD !== '1' || !existsSync(join(ROOT, '.output/firefox-mv2')))
      execFileSync(process.execPath, [wxt, 'build', '-b', 'firefox'], {
        cwd: ROOT,
        stdio: 'inherit',
      });
  }, 180_000);

  it.each(Object.keys(ALLOWED) as Array<keyof typeof ALLOWED>)(
    '%s asks for no permission beyond the list',
    (target) => {
      const m = read(target);
      const allowed = ALLOWED[target];
      expect([...(m.permissions ?? [])].sort()).toEqual([...allowed.permissions].sort());
      expect(m.optional_permissions ?? []).toEqual([]);
      expect([...(m.host_permissions ?? [])].sort()).toEqual([...allowed.hosts].sort());
      expect(m.permissions).not.toContain('tabs');
      expect(m.permissions).not.toContain('activeTab');
      // Host access is no wider than where the content script runs.
      for (const cs of m.content_scripts ?? []) expect([...cs.matches].sort()).toEqual(SITES);
    },
  );

  it.each(Object.keys(ALLOWED))('%s: extension pages can reach no network', (target) => {
    const m = read(target);
    const csp =
      typeof m.content_security_policy === 'string'
        ? m.content_security_policy
        : m.content_security_policy?.extension_pages;
    expect(csp).toBeTypeOf('string');
    const d = directives(csp!);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    for (const [name, sources] of d) {
      for (const s of sources) expect(`${name} ${s}`).not.toMatch(/https?:|\*|ws:|wss:/);
    }
  });
});
