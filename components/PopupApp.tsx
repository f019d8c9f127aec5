/**
 * The toolbar popup: search the whole index, see what was found on this page, switch the extension off
 * for this site or everywhere. Opened as `popup.html?tabId=N` it acts on tab N.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { plural } from '../lib/format';
import { entityDetails } from '../lib/index/views';
import type { SourceIndex } from '../lib/index/schema';
import type { PageMentionsResponse } from '../lib/messages';
import { createSearch } from '../lib/search';
import {
  getSettings,
  isSiteEnabled,
  setSetting,
  setSiteEnabled,
  siteKey,
  watchSettings,
  type Settings,
} from '../lib/settings';
import { pageMentions, revealEntity, targetTab } from '../lib/tabs';
import { EntityCard } from './EntityCard';
import { PageMentions, groupPageMentions, type PageEntity } from './PageMentions';
import { SearchResults } from './SearchResults';
import { Switch } from './Switch';
import { AddPageSection } from './AddPageSection';
import { subscribeIndex } from '../lib/user-sources/client';

const RESULTS_ID = 'sc-results';

export function PopupApp() {
  const params = new URLSearchParams(location.search);
  const [index, setIndex] = useState<SourceIndex | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [active, setActive] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [tab, setTab] = useState<Browser.tabs.Tab | null>(null);
  const [page, setPage] = useState<PageMentionsResponse | null | 'loading'>('loading');
  const [settings, setSettings] = useState<Settings | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const unwatchIndex = subscribeIndex(setIndex, (e: Error) => setError(e.message));
    void getSettings().then(setSettings);
    const unwatchSettings = watchSettings(setSettings);
    const unwatch = () => (unwatchIndex(), unwatchSettings());
    void targetTab(location.search).then(setTab);
    inputRef.current?.focus();
    return unwatch;
  }, []);

  // Ask the page again while it is still being scanned, and after a switch flips.
  useEffect(() => {
    if (!tab?.id) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async (tries: number) => {
      const response = await pageMentions(tab.id!);
      if (cancelled) return;
      setPage(response);
      if (response?.pending && tries > 0) timer = setTimeout(() => void poll(tries - 1), 250);
    };
    void poll(20);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [tab, settings?.enabled, settings?.disabledSites.join('\n'), settings?.mutedEntities.length]);

  const search = useMemo(() => (index ? createSearch(index) : null), [index]);
  const hits = useMemo(() => (search ? search(query) : []), [search, query]);

  const site = tab?.url ? siteKey(tab.url) : null;
  const details = index && openId ? entityDetails(index, openId) : null;
  const pageEntities = page && page !== 'loading' ? groupPageMentions(page.mentions) : [];

  const choose = (i: number) => {
    const hit = hits[i];
    if (hit) setOpenId(hit.entity.id);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(active);
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
      setActive(0);
    }
  };
  const reveal = (e: PageEntity) => {
    if (!tab?.id) return;
    // Each activation moves on to the entity's next mention on the page.
    void revealEntity(tab.id, e.entityId).then(() => {
      // As a real popup, get out of the way so the card on the page can be read.
      if (!params.has('tabId')) window.close();
    });
  };
  const openReader = (articleId: string, sentenceIndex: number) =>
    void browser.tabs.create({
      url: browser.runtime.getURL(
        `/reader.html#article=${encodeURIComponent(articleId)}&sentence=${sentenceIndex}` as '/reader.html',
      ),
    });

  if (details) {
    return (
      <main class="sc-root sc-popup">
        <button
          type="button"
          class="sc-back"
          ref={(el) => el?.focus()}
          onClick={() => {
            setOpenId(null);
            requestAnimationFrame(() => inputRef.current?.focus());
          }}
        >
          ← Back to results
        </button>
        <EntityCard details={details} headingId="sc-entity-heading" onOpenReader={openReader} />
      </main>
    );
  }

  return (
    <main class="sc-root sc-popup">
      <h1 class="sc-visually-hidden">Source Context</h1>
      <div class="sc-search">
        <input
          ref={inputRef}
          type="search"
          class="sc-search-input"
          placeholder="Search people, places, laws…"
          aria-label="Search the article index"
          role="combobox"
          list={undefined}
          aria-expanded={hits.length > 0}
          aria-controls={RESULTS_ID}
          aria-activedescendant={hits.length > 0 ? `${RESULTS_ID}-${active}` : undefined}
          aria-autocomplete="list"
          value={query}
          onInput={(e) => {
            setQuery((e.currentTarget as HTMLInputElement).value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      {error && <p class="sc-error">The index could not be loaded: {error}</p>}
      {query.trim() !== '' && (
        <section aria-label="Results">
          {hits.length > 0 ? (
            <SearchResults
              id={RESULTS_ID}
              hits={hits}
              activeIndex={active}
              onChoose={choose}
              onHover={setActive}
            />
          ) : (
            index && <p class="sc-empty">Nothing in the index matches “{query.trim()}”.</p>
          )}
        </section>
      )}
      <section class="sc-section" aria-labelledby="sc-on-page">
        <h2 id="sc-on-page" class="sc-section-title">
          On this page
        </h2>
        {page === 'loading' ? (
          <p class="sc-empty">Looking…</p>
        ) : page === null ? (
          <p class="sc-empty">
            Source Context can’t run on this page (browser pages and extension stores are off
            limits).
          </p>
        ) : settings && !settings.enabled ? (
          <p class="sc-empty">Source Context is off everywhere. Turn it on below.</p>
        ) : !page.enabled ? (
          <p class="sc-empty">Off for this site.</p>
        ) : (
          <PageMentions entities={pageEntities} onReveal={reveal} />
        )}
      </section>
      {settings && (
        <section class="sc-section sc-switches" aria-label="Switches">
          {site && (
            <Switch
              label={
                settings.enabled
                  ? `${isSiteEnabled(settings, site) ? 'On' : 'Off'} for ${site}`
                  : `${site}: off everywhere`
              }
              checked={!settings.disabledSites.includes(site)}
              disabled={!settings.enabled}
              onChange={(on) => void setSiteEnabled(site, on)}
            />
          )}
          <Switch
            label={settings.enabled ? 'On everywhere' : 'Off everywhere'}
            checked={settings.enabled}
            onChange={(on) => void setSetting('enabled', on)}
          />
        </section>
      )}
      {tab?.id !== undefined && site && (
        <AddPageSection tabId={tab.id} autoStart={params.get('add') === '1'} />
      )}
      <footer class="sc-footer">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Options
        </a>
        <span>
          {index
            ? `${plural(index.entities.length, 'name')} from ${plural(index.articles.length, 'article')} · offline`
            : ''}
        </span>
      </footer>
    </main>
  );
}
