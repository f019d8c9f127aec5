/**
 * Firefox ESR with its interface in Spanish (`intl.locale.requested`): the extension serves
 * public/_locales/es there too — the popup, the hover card and the options page — and what the sources
 * say stays in English. spanish.test.ts covers the rest of the interface in Chromium.
 *
 * Firefox serves a language only with its language pack installed (else it falls back to English), so
 * this is skipped, and says so, where the pack is absent. Debian: `firefox-esr-l10n-es-es`, which .ci/run
 * installs.
 */
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  cardText,
  driverFor,
  pointOf,
  settledMentions,
  tabIdOf,
  until,
  waitForCard,
  type Session,
  type TestPage,
} from './drivers';
import { SCREENSHOTS, startServer } from './harness';

const firefoxPath = inject('firefox');
const languagePack =
  !!firefoxPath &&
  existsSync(
    join(
      dirname(realpathSync(firefoxPath)),
      'browser/extensions/langpack-es-ES@firefox-esr.mozilla.org.xpi',
    ),
  );

describe.skipIf(!languagePack)(
  'Spanish interface in Firefox (skipped without the es-ES language pack: apt-get install firefox-esr-l10n-es-es)',
  { timeout: 120_000 },
  () => {
    let session: Session;
    let server: Server;
    let news: TestPage;
    let tabId: number;

    beforeAll(async () => {
      let origin: string;
      ({ server, origin } = await startServer());
      session = await driverFor('firefox', firefoxPath!).launch(true, { lang: 'es-ES' });
      news = await session.newPage();
      const newsUrl = `${origin}/pages/news.html`;
      await news.goto(newsUrl);
      await settledMentions(session, newsUrl);
      tabId = await tabIdOf(session, newsUrl);
      mkdirSync(SCREENSHOTS, { recursive: true });
    });

    afterAll(async () => {
      await session?.close();
      server?.close();
    });

    it('the browser serves the Spanish messages, and gives the shortcuts the card names', async () => {
      expect(await session.inExtension((api) => api.i18n.getMessage('locale'))).toBe('es');
      const commands = await session.inExtension((api) => api.commands.getAll());
      expect(Object.fromEntries(commands.map((c) => [c.name, c.shortcut]))).toEqual({
        _execute_browser_action: 'Alt+Shift+S',
        'next-mention': 'Alt+Shift+M',
      });
    });

    it('the popup lists the page and searches in Spanish', async () => {
      const popup = await session.extensionPage(`popup.html?tabId=${tabId}`);
      await popup.waitFor(() => document.querySelector('.sc-page-item'));
      const labels = await popup.evaluate(() => ({
        lang: document.documentElement.lang,
        placeholder: document.querySelector('.sc-search-input')!.getAttribute('placeholder'),
        onPage: document.querySelector('#sc-on-page')!.textContent,
      }));
      expect(labels).toEqual({
        lang: 'es',
        placeholder: 'Buscar personas, lugares, leyes…',
        onPage: 'En esta página',
      });
      // The index arrives from the background a moment after the popup opens.
      await until(
        () =>
          popup.evaluate(() =>
            /^Opciones\d[\d.]* nombres de \d+ artículos · sin conexión$/.test(
              document.querySelector('.sc-footer')!.textContent!,
            ),
          ),
        'the footer counts the index in Spanish',
      );
      await popup.evaluate(() =>
        (document.querySelector('.sc-search-input') as HTMLElement).focus(),
      );
      await popup.type('cecot');
      await popup.waitFor(() => document.querySelector('.sc-result'));
      const first = await popup.evaluate(() => document.querySelector('.sc-result')!.textContent!);
      expect(first).toContain('Terrorism Confinement Center'); // the index's name, as the sources write it
      expect(first).toContain('también «CECOT»');
      await popup.close();
    });

    it('hovering “Bukele” opens the card in Spanish, the sentence as the source wrote it', async () => {
      const { x, y } = await pointOf(news, 'Bukele');
      await news.move(x, y);
      await waitForCard(news);
      const text = (await cardText(news))!;
      expect(text).toContain('Persona');
      expect(text).toContain('Medio desconocido, que cita a Breitbart');
      expect(text).toContain('fecha desconocida');
      expect(text).toContain(
        'According to Breitbart, Trump has formally invited Bukele to the White House',
      );
      expect(text).not.toContain('Outlet unknown');
      // The card fades in over 120 ms (card.css): shot once it is fully drawn.
      await new Promise((done) => setTimeout(done, 200));
      await news.screenshot(`${SCREENSHOTS}/hover-card-es-firefox.png`);
      await news.press('Escape');
    });

    it('the options page is in Spanish', async () => {
      const options = await session.extensionPage('options.html');
      expect(
        await options.evaluate(() => [document.title, document.querySelector('h1')!.textContent]),
      ).toEqual(['Opciones de Source Context', 'Opciones de Source Context']);
      await options.close();
    });
  },
);
