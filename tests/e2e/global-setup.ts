/**
 * Before the browser tests: find Chromium and Firefox, and build the extension for each one found (so
 * they always test this tree). Where a browser is missing its tests are skipped with a loud notice —
 * except under CI=true, where a missing browser fails the run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { findChromium } from './harness';

export function findFirefox(): string | null {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

const MISSING = {
  chromium:
    'No Chromium found (looked for $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome). ' +
    'Install it (Debian: apt-get install -y chromium) to run the browser tests in Chromium.',
  firefox:
    'No Firefox found (looked for $FIREFOX_PATH, /usr/bin/firefox-esr, /usr/bin/firefox). ' +
    'Install it (Debian: apt-get install -y firefox-esr) to run the browser tests in Firefox.',
};

const wxt = (...args: string[]) =>
  execFileSync(process.execPath, ['node_modules/wxt/bin/wxt.mjs', 'build', ...args], {
    stdio: 'inherit',
  });

export default function setup(project: TestProject): void {
  const found = { chromium: findChromium(), firefox: findFirefox() };
  for (const name of ['chromium', 'firefox'] as const) {
    if (found[name]) continue;
    if (process.env.CI === 'true') throw new Error(`CI=true and ${MISSING[name]}`);
    console.warn(
      `\n${'!'.repeat(100)}\n!! ${name.toUpperCase()} E2E TESTS SKIPPED: ${MISSING[name]}\n${'!'.repeat(100)}\n`,
    );
  }
  project.provide('chromium', found.chromium ?? '');
  project.provide('firefox', found.firefox ?? '');
  if (process.env.SC_SKIP_BUILD === '1') return;
  if (found.chromium) wxt();
  if (found.firefox) wxt('-b', 'firefox');
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: string;
    firefox: string;
  }
}
