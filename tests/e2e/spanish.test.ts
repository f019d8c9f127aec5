/**
 * Chromium started with --lang=es: the popup, the hover card, the options page, the toolbar title and
 * the keyboard commands in Spanish, from public/_locales/es. What the sources say stays in English.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  SCREENSHOTS,
  cardText,
  inCard,
  launch,
  pointOf,
  settledMentions,
  startServer,
  tabIdOf,
  waitForCard,
  type Browser,
} from './harness';

const chromiumPath = inject('chromium');

describe.skipIf(!chromiumPath)('Spanish interface (Chromium --lang=es)', () => {
  let browser: Browser;
  let server: Server;
  let newsUrl: string;
  let news: Page;
  let tabId: number;

  beforeAll(async () => {
    let origin: string;
    ({ server, origin } = await startServer());
    browser = await launch(chromiumPath, true, { lang: 'es' });
    news = await browser.context.newPage();
    newsUrl = `${origin}/pages/news.html`;
    await news.goto(newsUrl);
    await settledMentions(browser.worker, newsUrl);
    tabId = await tabIdOf(browser.worker, newsUrl);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('the browser serves the Spanish messages', async () => {
    expect(await browser.worker.evaluate(() => chrome.i18n.getMessage('locale'))).toBe('es');
  });

  it('the popup searches, lists the page and switches in Spanish', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.sc-page-item');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('es');
    const input = popup.locator('.sc-search-input');
    expect(await input.getAttribute('aria-label')).toBe('Buscar en el índice de artículos');
    expect(await input.getAttribute('placeholder')).toBe('Buscar personas, lugares, leyes…');
    expect(await popup.locator('#sc-on-page').textContent()).toBe('En esta página');
    // The index arrives from the background a moment after the popup opens.
    await expect
      .poll(() => popup.locator('.sc-footer').textContent())
      .toMatch(/^Opciones\d[\d.]* nombres de \d+ artículos · sin conexión$/);
    const switches = await popup
      .getByRole('switch')
      .evaluateAll((els) => els.map((e) => e.closest('label')!.textContent));
    expect(switches).toEqual(['Activado en 127.0.0.1', 'Activado en todas partes']);
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-es.png` });

    await popup.keyboard.type('cecot');
    await popup.waitForSelector('.sc-result');
    const first = await popup.locator('.sc-result').first().textContent();
    expect(first).toContain('Terrorism Confinement Center'); // the index's name, as the sources write it
    expect(first).toContain('también «CECOT»');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.sc-card');
    const card = (await popup.locator('.sc-card').textContent())!;
    expect(card).toContain('Medio desconocido, que cita a Breitbart');
    expect(card).toMatch(/\d+ frases? en \d+ artículos? indexados? de \d+ fuentes?/);
    expect(card).not.toContain('Outlet unknown');
    expect(await popup.locator('.sc-back').textContent()).toBe('← Volver a los resultados');
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-card-es.png` });
    await popup.close();
  });

  it('hovering “Bukele” opens the card in Spanish, the sentence as the source wrote it', async () => {
    await news.bringToFront();
    const { x, y } = await pointOf(news, 'Bukele');
    await news.mouse.move(x, y);
    await waitForCard(news, 5000);
    const text = (await cardText(news))!;
    expect(text).toContain('Nayib Bukele');
    expect(text).toContain('Persona');
    expect(text).toContain('Atribuido — según Breitbart');
    expect(text).toContain('Medio desconocido, que cita a Breitbart');
    expect(text).toContain('fecha desconocida');
    expect(text).toContain('¿No corresponde? Dejar de marcar «Nayib Bukele»');
    expect(text).toContain('Esc cierra');
    expect(text).toContain(
      'According to Breitbart, Trump has formally invited Bukele to the White House',
    );
    expect(text).not.toContain('Reported');
    const close = await inCard(news, (root) =>
      root.querySelector('.sc-icon-button')!.getAttribute('aria-label'),
    );
    expect(close).toBe('Cerrar');
    await news.screenshot({ path: `${SCREENSHOTS}/hover-card-es.png`, caret: 'initial' });
    await news.keyboard.press('Escape');
  });

  it('the toolbar title, the keyboard commands and the options page are in Spanish', async () => {
    await expect
      .poll(() => browser.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId))
      .toBe('Source Context: 12 menciones marcadas en esta página');
    const commands = await browser.worker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'next-mention')?.description).toBe(
      'Ir a la siguiente mención de la página y abrir su tarjeta',
    );
    // The shortcuts the card and README name are the ones the browser gave (Chromium refuses some
    // suggested keys, such as Alt+Shift+N, and leaves the command without one).
    expect(Object.fromEntries(commands.map((c) => [c.name, c.shortcut]))).toEqual({
      _execute_action: 'Alt+Shift+S',
      'next-mention': 'Alt+Shift+M',
    });
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('h1');
    expect(await options.title()).toBe('Opciones de Source Context');
    expect(await options.locator('h1').textContent()).toBe('Opciones de Source Context');
    expect(await options.getByRole('switch', { name: /Marcar cada mención/ }).count()).toBe(1);
    await options.getByRole('button', { name: 'Añadir', exact: true }).click();
    expect(await options.locator('#sc-site-error').textContent()).toBe(
      'Escribe un sitio como ejemplo.com',
    );
    await options.screenshot({ path: `${SCREENSHOTS}/options-es.png`, fullPage: true });
    await options.close();
  });

  it('the reader labels the article in Spanish and leaves its text in English', async () => {
    const reader = await browser.context.newPage();
    await reader.goto(`chrome-extension://${browser.extensionId}/reader.html`);
    await reader.waitForSelector('.sc-article-text');
    // Titled by its article: the seed has none, said in Spanish.
    expect(await reader.title()).toBe('Título desconocido — Lector de Source Context');
    expect(await reader.locator('.sc-kicker').textContent()).toBe(
      'Artículo incluido · lectura sin conexión',
    );
    const meta = (await reader.locator('.sc-meta').textContent())!;
    for (const label of ['Medio', 'Fuentes citadas', 'Publicado', 'Dirección', 'Idioma'])
      expect(meta).toContain(label);
    expect(await reader.locator('.sc-article-text').getAttribute('lang')).toBe('en');
    expect(await reader.locator('#sc-entities-title').textContent()).toBe(
      'Nombres en este artículo',
    );
    await reader.close();
  });
});
