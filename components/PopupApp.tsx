/**
 * The toolbar popup: search the whole index, see what was found on this page, switch the extension off
 * for this site or everywhere. Opened as `popup.html?tabId=N` it acts on tab N.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { t, tn } from '../lib/i18n';
import { entityDetails } from '../lib/index/views';
import type { SourceIndex } from '../lib/index/schema';
import type { PageMentionsResponse } from '../lib/messages';
import { createSearch, type SearchHit } from '../lib/search';
import { entitiesOfSource, listSources, mentionsFromSource } from '../lib/source-filter';
import { sourceLabel } from '../lib/sources';
import {
  getSettings,
  isSiteEnabled,
  setSetting,
  setSiteEnabled,
  siteKey,
  watchSettings,
  type Settings,
} from '../lib/settings';
import { siteLabel } from '../lib/sites';
import { openReader as openReaderTab, pageMentions, revealEntity, targetTab } from '../lib/tabs';
import { EntityCard } from './EntityCard';
import { PageMentions, groupPageMentions, type PageEntity } from './PageMentions';
import { SearchResults } from './SearchResults';
import { SourceFilter } from './SourceFilter';
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
  /** The source the popup is narrowed to (a label as the card shows it), or null for all. */
  const [source, setSource] = useState<string | null>(null);
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
      // Still scanning, or the page has not yet heard of a switch just flipped: ask again.
      const stale =
        response && settings && response.enabled !== isSiteEnabled(settings, response.site);
      if ((response?.pending || stale) && tries > 0)
        timer = setTimeout(() => void poll(tries - 1), 250);
    };
    void poll(20);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [tab, settings?.enabled, settings?.disabledSites.join('\n'), settings?.mutedEntities.length]);

  const search = useMemo(() => (index ? createSearch(index) : null), [index]);
  const sources = useMemo(() => (index ? listSources(index) : []), [index]);
  const chosen = sources.find((s) => s.label === source) ?? null;
  const hits = useMemo((): SearchHit[] => {
    if (!search || !index) return [];
    if (!chosen) return search(query);
    const labels = new Map(index.articles.map((a) => [a.id, sourceLabel(a)]));
    if (query.trim() !== '')
      // Only the source's own sentences may match or be shown as why a name matched.
      return search(query, 20, (id) => labels.get(id) === chosen.label).filter((h) =>
        chosen.entityIds.has(h.entity.id),
      );
    // A source and no query: the names that source speaks about most.
    return entitiesOfSource(index.entities, labels, chosen.label)
      .slice(0, 20)
      .map((entity) => ({ entity, score: 0, nameRanges: [] }));
  }, [search, index, query, chosen]);

  // The page says its tab's site (the extension may not read tabs' addresses).
  const site = page && page !== 'loading' ? page.site : tab?.url ? siteKey(tab.url) : null;
  const allDetails = index && openId ? entityDetails(index, openId) : null;
  const details = allDetails && {
    ...allDetails,
    entity: {
      ...allDetails.entity,
      mentions: mentionsFromSource(allDetails.entity.mentions, allDetails.articles, source),
    },
  };
  const pageEntities = (page && page !== 'loading' ? groupPageMentions(page.mentions) : []).filter(
    (e) => !chosen || chosen.entityIds.has(e.entityId),
  );

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
    void openReaderTab(articleId, sentenceIndex);

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
          {t('popupBack')}
        </button>
        <EntityCard details={details} headingId="sc-entity-heading" onOpenReader={openReader} />
      </main>
    );
  }

  return (
    <main class="sc-root sc-popup">
      <h1 class="sc-visually-hidden">{t('extName')}</h1>
      <div class="sc-search">
        <input
          ref={inputRef}
          type="search"
          class="sc-search-input"
          placeholder={t('popupSearchPlaceholder')}
          aria-label={t('popupSearchLabel')}
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
        {sources.length > 1 && (
          <SourceFilter
            sources={sources}
            value={chosen?.label ?? null}
            onChange={(label) => {
              setSource(label);
              setActive(0);
            }}
          />
        )}
      </div>
      {error && <p class="sc-error">{t('indexLoadError', error)}</p>}
      {(query.trim() !== '' || chosen) && (
        <section
          aria-label={
            query.trim() === '' && chosen
              ? t('popupSourceTopNames', chosen.label)
              : t('popupResults')
          }
        >
          {hits.length > 0 ? (
            <SearchResults
              id={RESULTS_ID}
              hits={hits}
              activeIndex={active}
              onChoose={choose}
              onHover={setActive}
            />
          ) : (
            index && (
              <p class="sc-empty">
                {chosen
                  ? t('popupSourceNoMatch', [chosen.label, query.trim()])
                  : t('popupNoMatch', query.trim())}
              </p>
            )
          )}
        </section>
      )}
      {/* Above the page's list, which changes as the site is switched: the switch stays under the pointer. */}
      {settings && (
        <section class="sc-section sc-switches" aria-label={t('popupSwitches')}>
          {site && (
            <Switch
              label={
                settings.enabled
                  ? t(
                      isSiteEnabled(settings, site) ? 'popupSiteOn' : 'popupSiteOff',
                      siteLabel(site),
                    )
                  : t('popupSiteOffEverywhere', siteLabel(site))
              }
              checked={isSiteEnabled({ ...settings, enabled: true }, site)}
              disabled={!settings.enabled}
              onChange={(on) => void setSiteEnabled(site, on)}
            />
          )}
          <Switch
            label={t(settings.enabled ? 'popupOnEverywhere' : 'popupOffEverywhere')}
            checked={settings.enabled}
            onChange={(on) => void setSetting('enabled', on)}
          />
        </section>
      )}
      <section class="sc-section" aria-labelledby="sc-on-page">
        <h2 id="sc-on-page" class="sc-section-title">
          {t('popupOnThisPage')}
        </h2>
        {page === 'loading' ? (
          <p class="sc-empty">{t('popupLooking')}</p>
        ) : page === null ? (
          <p class="sc-empty">{t('popupCantRun')}</p>
        ) : settings && !settings.enabled ? (
          <p class="sc-empty">{t('popupOffEverywhereNote')}</p>
        ) : !page.enabled ? (
          <p class="sc-empty">{t('popupOffForSite')}</p>
        ) : chosen && pageEntities.length === 0 && page.mentions.length > 0 ? (
          <p class="sc-empty">{t('popupSourceNotOnPage', chosen.label)}</p>
        ) : (
          <PageMentions entities={pageEntities} onReveal={reveal} />
        )}
      </section>
      {tab?.id !== undefined && site && (
        <AddPageSection tabId={tab.id} autoStart={params.get('add') === '1'} />
      )}
      <footer class="sc-footer">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          {t('popupOptions')}
        </a>
        <span>
          {index
            ? t('popupIndexSize', [
                tn('countName', index.entities.length),
                tn('countArticle', index.articles.length),
              ])
            : ''}
        </span>
      </footer>
    </main>
  );
}
