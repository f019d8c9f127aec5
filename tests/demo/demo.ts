/**
 * npm run demo — after the build, opens Chromium with the extension on a bundled demo page.
 * With a display it opens a window and leaves it to you. Without one (servers, CI) it runs headless,
 * prints what it found, hovers a name, prints the card and saves screenshots to .output/.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  CHROMIUM_FLAGS,
  EXTENSION_DIR,
  ROOT,
  cardText,
  findChromium,
  pointOf,
  settledMentions,
  waitForCard,
} from '../e2e/harness';

const executablePath = findChromium();
if (!executablePath) {
  console.error(
    'No Chromium found. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH.',
  );
  process.exit(1);
}
const html = readFileSync(join(ROOT, 'tests/demo/demo.html'));
const server = createServer((_req, res) =>
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
);
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const port = (server.address() as { port: number }).port;
const url = `http://127.0.0.1:${port}/demo.html`;
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

const profile = mkdtempSync(join(tmpdir(), 'source-context-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless,
  args: [
    ...CHROMIUM_FLAGS,
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
  ],
  viewport: { width: 1100, height: 820 },
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);
const { mentions } = await settledMentions(worker, url);
console.log(`Source Context found ${mentions.length} mentions on the demo page (${url}):`);
for (const m of mentions) console.log(`  • “${m.text}” → ${m.name}`);

if (!headless) {
  console.log(
    '\nA Chromium window is open with the extension loaded. Hover a marked name. Close the window to finish.',
  );
  await new Promise((ok) => context.on('close', ok));
  server.close();
  process.exit(0);
}

mkdirSync(join(ROOT, '.output'), { recursive: true });
const { x, y } = await pointOf(page, 'Bukele');
await page.mouse.move(x, y);
await page.waitForSelector('source-context-card', { state: 'attached', timeout: 5000 });
await waitForCard(page);
console.log(`\nHovering “Bukele” opens this card:\n  ${(await cardText(page))?.slice(0, 400)}…`);
await page.screenshot({ path: join(ROOT, '.output/demo.png') });
const extensionId = new URL(worker.url()).host;
const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
const popup = await context.newPage();
await popup.setViewportSize({ width: 380, height: 600 });
await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}&q=cecot`);
await popup.waitForSelector('.sc-result');
await popup.screenshot({ path: join(ROOT, '.output/demo-popup.png') });
console.log(
  '\nScreenshots: .output/demo.png (hover card), .output/demo-popup.png (popup search for “cecot”).',
);
await context.close();
server.close();
