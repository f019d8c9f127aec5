/**
 * Before the browser tests: build the extension (so they always test this tree) and find Chromium.
 * Where no Chromium exists the e2e tests are skipped with a loud notice — except under CI=true, where a
 * missing browser fails the run.
 */
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { findChromium } from './harness';

export default function setup(project: TestProject): void {
  const chromium = findChromium();
  if (!chromium) {
    const message =
      'No Chromium found (looked for $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome). ' +
      'Install it (Debian: apt-get install -y chromium) to run the browser tests.';
    if (process.env.CI === 'true') throw new Error(`CI=true and ${message}`);
    console.warn(`\n${'!'.repeat(100)}\n!! E2E TESTS SKIPPED: ${message}\n${'!'.repeat(100)}\n`);
  }
  project.provide('chromium', chromium ?? '');
  if (chromium && process.env.SC_SKIP_BUILD !== '1') {
    execFileSync(process.execPath, ['node_modules/wxt/bin/wxt.mjs', 'build'], { stdio: 'inherit' });
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: string;
  }
}
