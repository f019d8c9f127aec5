/**
 * The core of the extension, acting as a reader would, in each browser it targets — Chromium and
 * Firefox ESR — from this one file through the drivers in drivers.ts: the mentions on a test page, the
 * page's DOM untouched, the hover card with its attribution, Esc, the card the page cannot read, the site
 * switch live, and the popup's search and list.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  cardText,
  driverFor,
  pointOf,
  sendToTab,
  setStorage,
  settledMentions,
  tabIdOf,
  waitForCard,
  waitForNoCard,
  type BrowserName,
  type Session,
  type TestPage,
} from './drivers';
import {
  CARD_HOST,
  NEWS_PAGE_LIST,
  RECORD_MUTATIONS,
  SCREENSHOTS,
  startServer,
  type PageMentions,
} from './harness';

const BROWSERS = (['chromium', 'firefox'] as const).map((name) => ({ name, path: inject(name) }));

/** Every way a page script might read the card: its host, the root, the patched `attachShadow`, text. */
const SPY_ON_SHADOW_ROOTS = `
  window.__stolenRoots = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    window.__stolenRoots.push(root);
    return root;
  };
`;

for (const { name, path } of BROWSERS) {
  describe.skipIf(!path)(`core, in ${name}`, () => {
    const shot = (file: string) => `${SCREENSHOTS}/${name === 'chromium' ? '' : `${name}-`}${file}`;
    let session: Session;
    let server: Server;
    let origin: string;
    let page: TestPage;
    let url: string;
    /** The same page's mutations in a browser without the extension: what the page does by itself. */
    let baseline: unknown[];
    /** Records made after parsing ended (the parser's own records vary with its chunking). */
    const afterParsing = (list: unknown[]) =>
      list.filter((m) => !(m as { parsing: boolean }).parsing);
    const mutations = () =>
      page.evaluate(() => (window as unknown as { __mutations: unknown[] }).__mutations);
    const mentions = async () =>
      sendToTab<PageMentions>(session, url, { type: 'get-page-mentions' });

    beforeAll(async () => {
      const driver = driverFor(name as BrowserName, path);
      ({ server, origin } = await startServer());
      url = `${origin}/pages/news.html`;
      const bare = await driver.launch(false);
      const barePage = await bare.newPage();
      await barePage.addInitScript(RECORD_MUTATIONS);
      await barePage.goto(url);
      await new Promise((ok) => setTimeout(ok, 500));
      baseline = await barePage.evaluate(
        () => (window as unknown as { __mutations: unknown[] }).__mutations,
      );
      await bare.close();
      session = await driver.launch();
      page = await session.newPage();
      await page.addInitScript(RECORD_MUTATIONS);
      await page.goto(url);
      mkdirSync(SCREENSHOTS, { recursive: true });
    });

    afterAll(async () => {
      await session?.close();
      server?.close();
    });

    it('finds exactly the mentions in the page’s readable text, in document order', async () => {
      const result = await settledMentions(session, url);
      expect(result.enabled).toBe(true);
      expect(result.mentions.map((m) => `${m.text}→${m.name}`)).toEqual([
        'Washington→Washington',
        'President Nayib Bukele→Nayib Bukele',
        'El Salvador→El Salvador',
        'Washington→Washington',
        'Terrorism Confinement Center→Terrorism Confinement Center',
        'CECOT→Terrorism Confinement Center',
        'Trump→Donald J. Trump',
        'Kristi Noem→Kristi Noem',
        'SAFE→Security Alliance for Fugitive Enforcement',
        'MS‑13→La Mara Salvatrucha',
        'Tren de Aragua→Tren de Aragua',
        'Bukele→Nayib Bukele',
      ]);
    });

    it('leaves the page’s DOM untouched while scanning and highlighting', async () => {
      expect(baseline.length).toBeGreaterThan(0); // recording starts at document start
      expect(afterParsing(await mutations())).toEqual(afterParsing(baseline));
      expect(
        await page.evaluate(
          () => document.querySelectorAll('source-context-card, source-context-mark, style').length,
        ),
      ).toBe(1);
      expect(page.errors).toEqual([]);
    });

    it('hovering “Bukele” opens the card with the seed sentence and its attribution', async () => {
      const { x, y } = await pointOf(page, 'Bukele');
      await page.move(x, y);
      await waitForCard(page, 5000);
      const text = (await cardText(page))!;
      expect(text).toContain('Nayib Bukele');
      expect(text).toContain('Person');
      expect(text).toContain(
        'According to Breitbart, Trump has formally invited Bukele to the White House',
      );
      expect(text).toContain('Reported — according to Breitbart');
      expect(text).toContain('Outlet unknown, citing Breitbart');
      expect(text).toContain('date unknown');
      const dialog = await page.inCard((root) => {
        const d = root.querySelector('[role="dialog"]')!;
        return {
          modal: d.getAttribute('aria-modal'),
          label: root.getElementById(d.getAttribute('aria-labelledby')!)?.textContent,
        };
      });
      expect(dialog).toEqual({ modal: 'false', label: 'Nayib Bukele' });
      await page.screenshot(shot('hover-card.png'));
    });

    it('Esc closes the card and removes its host from the page', async () => {
      await page.press('Escape');
      await waitForNoCard(page);
      expect(await cardText(page)).toBeNull();
    });

    it('a page script cannot read the card while a real hover has it open', async () => {
      // A page that hooked attachShadow before anything ran, then looks everywhere it can.
      const spy = await session.newPage();
      await spy.addInitScript(SPY_ON_SHADOW_ROOTS);
      const spyUrl = `${url}?spy`;
      await spy.goto(spyUrl);
      await settledMentions(session, spyUrl);
      const { x, y } = await pointOf(spy, 'Bukele');
      await spy.move(x, y);
      await waitForCard(spy, 5000);
      const secret = 'Outlet unknown, citing Breitbart';
      expect(await cardText(spy)).toContain(secret); // the card is open, showing it
      const seen = await spy.evaluate((host) => {
        const text: string[] = [];
        const hosts = [...document.querySelectorAll(host)];
        for (const h of hosts) {
          text.push(h.textContent ?? '', h.innerHTML, h.shadowRoot?.textContent ?? '');
          text.push(h.getHTML?.({ serializableShadowRoots: true }) ?? '');
          try {
            h.attachShadow({ mode: 'open' });
            text.push('a second root was attached');
          } catch {
            // A host holds one root.
          }
        }
        const stolen = (window as unknown as { __stolenRoots: ShadowRoot[] }).__stolenRoots;
        for (const root of stolen) text.push(root.textContent ?? '');
        text.push(document.documentElement.outerHTML, document.body.innerText);
        return {
          hosts: hosts.length,
          roots: hosts.filter((h) => h.shadowRoot).length,
          stolen: stolen.length,
          text: text.join('\n'),
        };
      }, CARD_HOST);
      expect(seen.hosts).toBe(1); // the host is in the page (that cannot be helped)…
      expect(seen.roots).toBe(0); // …its root is closed…
      expect(seen.stolen).toBe(0); // …and was not attached through the page's own prototype
      expect(seen.text).not.toContain(secret);
      expect(seen.text).not.toContain('a second root was attached');
      expect(await cardText(spy)).toContain(secret); // still open: nothing above closed it
      expect(spy.errors).toEqual([]);
      await spy.close();
    });

    it('the card stays while the pointer moves onto it, and closes after it leaves', async () => {
      const { x, y } = await pointOf(page, 'Kristi Noem');
      await page.move(x, y);
      await waitForCard(page, 5000);
      const box = await page.inCard((root) => {
        const r = root.querySelector('[role="dialog"]')!.getBoundingClientRect();
        return { x: r.left + 20, y: r.top + 20 };
      });
      await page.move(box!.x, box!.y, 5);
      await new Promise((ok) => setTimeout(ok, 700));
      expect(await cardText(page)).toContain('Kristi Noem');
      await page.move(5, 5);
      await waitForNoCard(page);
    });

    it('never marks inputs, textareas, code or editable regions', async () => {
      const values = await page.evaluate(() => ({
        input: (document.getElementById('search') as HTMLInputElement).value,
        notes: (document.getElementById('notes') as HTMLTextAreaElement).value,
        editor: document.getElementById('editor')!.textContent,
      }));
      expect(values).toEqual({
        input: 'Bukele Trump',
        notes: 'Notes about Bukele and CECOT',
        editor: 'Draft: Noem and Bukele',
      });
      // Hovering the editable region's "Noem" opens nothing.
      const { x, y } = await pointOf(page, 'Noem and Bukele');
      await page.move(x, y);
      await new Promise((ok) => setTimeout(ok, 800));
      expect(await cardText(page)).toBeNull();
    });

    it('switching the site off removes the highlights live, and on brings them back', async () => {
      await setStorage(session, { disabledSites: ['127.0.0.1'] });
      await expect.poll(async () => (await mentions()).enabled, { timeout: 10_000 }).toBe(false);
      expect((await mentions()).mentions).toEqual([]);
      await page.screenshot(shot('site-off.png'));
      await setStorage(session, { disabledSites: [] });
      await expect
        .poll(async () => (await settledMentions(session, url)).mentions.length, {
          timeout: 20_000,
        })
        .toBe(12);
      // Only the card host came and went (cards were opened above); nothing else changed.
      const extra = afterParsing(await mutations()).slice(afterParsing(baseline).length) as Array<{
        added: string[];
        removed: string[];
      }>;
      expect(extra.length).toBeGreaterThan(0);
      for (const m of extra) expect([...m.added, ...m.removed]).toEqual(['SOURCE-CONTEXT-CARD']);
    });

    it('the popup: search finds “cecot”, the page’s names are listed, the site switch works live', async () => {
      const tabId = await tabIdOf(session, url);
      const popup = await session.extensionPage(`popup.html?tabId=${tabId}`);
      await popup.waitFor(() => document.activeElement?.classList.contains('sc-search-input'));
      await popup.type('cecot');
      await popup.waitFor(() => document.querySelector('.sc-result'));
      const first = await popup.evaluate(() => document.querySelector('.sc-result')!.textContent);
      expect(first).toContain('Terrorism Confinement Center');
      expect(first).toContain('also “CECOT”');
      await popup.screenshot(shot('popup-search.png'));
      for (let i = 0; i < 'cecot'.length; i++) await popup.press('Backspace');
      await popup.waitFor(() => document.querySelector('.sc-page-item'));
      const items = await popup.evaluate(() =>
        [...document.querySelectorAll('.sc-page-item')].map(
          (e) =>
            `${e.querySelector('.sc-page-name')!.textContent}=${e.querySelector('.sc-page-count')!.textContent}`,
        ),
      );
      expect(items.sort()).toEqual([...NEWS_PAGE_LIST].sort());
      // The site's switch, clicked as a person would: the page goes off live, then on again.
      // `aimed`: the point is on the switch's own label, nothing drawn over it.
      const siteSwitch = () =>
        popup.evaluate(() => {
          const input = document.querySelector<HTMLInputElement>('.sc-switches [role="switch"]')!;
          const label = input.closest('label')!;
          const r = label.getBoundingClientRect();
          const x = r.left + 20;
          const y = r.top + r.height / 2;
          const aimed = label.contains(document.elementFromPoint(x, y));
          return { x, y, checked: input.checked, aimed };
        });
      const off = await siteSwitch();
      expect(off).toMatchObject({ checked: true, aimed: true });
      await popup.click(off.x, off.y);
      await expect.poll(async () => (await mentions()).enabled, { timeout: 10_000 }).toBe(false);
      // The page's list gives way to a one-line note; the switch, above it, stays under the pointer, so
      // a second click where the first one was turns the site back on.
      await popup.waitFor(() => !document.querySelector('.sc-page-item'));
      const on = await siteSwitch();
      expect(on).toMatchObject({ checked: false, aimed: true, x: off.x, y: off.y });
      await popup.click(on.x, on.y);
      await expect
        .poll(async () => (await settledMentions(session, url)).mentions.length, {
          timeout: 20_000,
        })
        .toBe(12);
      expect((await siteSwitch()).checked).toBe(true);
      expect(popup.errors).toEqual([]);
      await popup.close();
    });
  });
}
