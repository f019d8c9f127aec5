import { launch, startServer, tabIdOf } from './harness';
const b = await launch('/usr/bin/chromium');
const { server, origin } = await startServer();
for (const name of ['own-not-article.html', 'own-huge-article.html']) {
  const page = await b.context.newPage();
  const url = `${origin}/pages/${name}`;
  await page.goto(url);
  const tabId = await tabIdOf(b.worker, url);
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tabId=${tabId}`);
  const t0 = Date.now();
  const r = await popup.evaluate((tabId) => chrome.runtime.sendMessage({ type: 'own-sources-preview', tabId }), tabId);
  console.log(name, Date.now() - t0, JSON.stringify(r).slice(0, 300));
}
await b.close(); server.close();
