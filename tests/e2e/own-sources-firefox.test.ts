/**
 * The reader's own sources in Firefox ESR (MV2: a background page, tabs.executeScript for Readability,
 * storage.local for the frames' match data): the page read and previewed, added, another open tab marking
 * a name from it without reload, and removal unmarking it. The popup's buttons are the same Preact code
 * own-sources.test.ts clicks in Chromium; here the extension page sends the popup's requests itself.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { driverFor, sendToTab, settledMentions, tabIdOf, until, type Session } from './drivers';
import { startServer, type PageMentions } from './harness';
import type { AddResponse, PreviewResponse } from '../../lib/user-sources/protocol';

const firefoxPath = inject('firefox');

const markedNames = (r: PageMentions) => r.mentions.filter((m) => m.marked).map((m) => m.name);

describe.skipIf(!firefoxPath)('own sources, in firefox', { timeout: 180_000 }, () => {
  let session: Session;
  let server: Server;
  let articleUrl: string;
  let otherUrl: string;

  beforeAll(async () => {
    let origin: string;
    ({ server, origin } = await startServer());
    session = await driverFor('firefox', firefoxPath!).launch(true);
    articleUrl = `${origin}/pages/own-article.html`;
    otherUrl = `${origin}/pages/own-other.html`;
    await (await session.newPage()).goto(otherUrl);
    await (await session.newPage()).goto(articleUrl);
  });

  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  it('reads and adds the page; the other tab marks its name without reload; removing unmarks it', async () => {
    expect(markedNames(await settledMentions(session, otherUrl))).not.toContain('Imogen Thackeray');
    const tabId = await tabIdOf(session, articleUrl);
    const preview = (await session.inExtension(
      (api, tabId) => api.runtime.sendMessage({ type: 'own-sources-preview', tabId }),
      tabId,
    )) as PreviewResponse;
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.article.title).toBe('Harbour Valley water plan splits the council');
    expect(preview.names.map((n) => n.name)).toContain('Imogen Thackeray');

    const added = (await session.inExtension(
      (api, source) => api.runtime.sendMessage({ type: 'own-sources-add', source }),
      preview.source,
    )) as AddResponse;
    expect(added.ok).toBe(true);
    await until(
      async () =>
        markedNames(await settledMentions(session, otherUrl)).includes('Imogen Thackeray'),
      'the other tab marks Imogen Thackeray',
      60_000,
    );
    // The frames read the merged index's match data from storage, written before they were told.
    const stored = await session.inExtension((api) => api.storage.local.get('ownMatchData'));
    expect(Object.keys(stored)).toEqual(['ownMatchData']);

    await session.inExtension((api) =>
      api.runtime.sendMessage({ type: 'own-sources-remove', ids: 'all' }),
    );
    await until(
      async () =>
        !(await sendToTab<PageMentions>(session, otherUrl, { type: 'get-page-mentions' })).mentions
          .map((m) => m.name)
          .includes('Imogen Thackeray'),
      'the other tab forgets Imogen Thackeray',
      60_000,
    );
    expect(await session.inExtension((api) => api.storage.local.get('ownMatchData'))).toEqual({});
  });
});
