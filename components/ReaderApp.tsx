/**
 * The reader: a bundled article in full, offline, with its metadata (unknowns said to be unknown), every
 * entity mention marked, the target sentence (#article=ID&sentence=N) emphasised and scrolled to, and the
 * article's entities listed.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { subscribeIndex } from '../lib/user-sources/client';
import type { SourceIndex } from '../lib/index/schema';
import { formatDate, typeLabel } from '../lib/format';
import { t, tn } from '../lib/i18n';
import { entityDetails } from '../lib/index/views';
import { EntityCard } from './EntityCard';

function parseHash(hash: string): { articleId: string | null; sentence: number | null } {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const s = p.get('sentence');
  return {
    articleId: p.get('article'),
    sentence: s !== null && /^\d+$/.test(s) ? Number(s) : null,
  };
}

export function ReaderApp() {
  const [index, setIndex] = useState<SourceIndex | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState(() => parseHash(location.hash));
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    const unwatch = subscribeIndex(setIndex, (e: Error) => setError(e.message));
    const onHash = () => setTarget(parseHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => (unwatch(), removeEventListener('hashchange', onHash));
  }, []);

  const article =
    index?.articles.find((a) => a.id === (target.articleId ?? index.articles[0]?.id)) ?? null;
  const entities = useMemo(() => {
    if (!index || !article) return [];
    return index.entities
      .map((e) => ({ entity: e, mentions: e.mentions.filter((m) => m.articleId === article.id) }))
      .filter((x) => x.mentions.length > 0)
      .sort(
        (a, b) =>
          b.mentions.length - a.mentions.length || a.entity.name.localeCompare(b.entity.name),
      );
  }, [index, article]);

  // Where each sentence's mentions are, as [start, end, entityId] in sentence offsets.
  const marks = useMemo(() => {
    const bySentence = new Map<number, Array<[number, number, string]>>();
    for (const { entity, mentions } of entities) {
      for (const m of mentions) {
        const list = bySentence.get(m.sentenceIndex) ?? [];
        for (const [s, e] of m.spans) list.push([s, e, entity.id]);
        bySentence.set(m.sentenceIndex, list);
      }
    }
    return bySentence;
  }, [entities]);

  // The tab says which article it shows (several reader tabs are told apart by their titles).
  useEffect(() => {
    if (article) document.title = `${article.title ?? t('cardTitleUnknown')} — ${t('readerTitle')}`;
  }, [article]);

  useEffect(() => {
    if (target.sentence === null || !article) return;
    const el = document.getElementById(`sentence-${target.sentence}`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [article, target.sentence]);

  if (error)
    return (
      <main class="sc-root sc-reader">
        <p class="sc-error">{t('indexLoadError', error)}</p>
      </main>
    );
  if (!index)
    return (
      <main class="sc-root sc-reader">
        <p class="sc-empty">{t('loading')}</p>
      </main>
    );
  if (!article)
    return (
      <main class="sc-root sc-reader">
        <p class="sc-error">{t('readerNoArticle', target.articleId ?? '')}</p>
      </main>
    );

  const names = new Map(entities.map((x) => [x.entity.id, x.entity.name]));
  const details = selected ? entityDetails(index, selected) : null;
  const paragraphs: Array<Array<number>> = [];
  article.sentences.forEach((sentence, i) => {
    if (i === 0 || article.sentences[i - 1]!.paragraph !== sentence.paragraph) paragraphs.push([]);
    paragraphs[paragraphs.length - 1]!.push(i);
  });

  return (
    <div class="sc-root sc-reader">
      <main class="sc-reader-main">
        <header>
          <p class="sc-kicker">{t('readerKicker')}</p>
          <h1 lang={article.title ? (article.language ?? undefined) : undefined}>
            {article.title ?? t('cardTitleUnknown')}
          </h1>
          <dl class="sc-meta">
            <dt>{t('readerOutlet')}</dt>
            <dd>{article.outlet ?? t('readerOutletUnknown')}</dd>
            <dt>{t('readerCites')}</dt>
            <dd>
              {article.citedSources.length ? article.citedSources.join(', ') : t('readerNoSource')}
            </dd>
            <dt>{t('readerPublished')}</dt>
            <dd>{formatDate(article.published)}</dd>
            <dt>{t('readerAddress')}</dt>
            <dd>
              {article.url ? (
                <a href={article.url} rel="noreferrer">
                  {article.url}
                </a>
              ) : (
                t('readerAddressUnknown')
              )}
            </dd>
            <dt>{t('readerLanguage')}</dt>
            <dd>{article.language ?? t('readerLanguageUnknown')}</dd>
            {article.note && (
              <>
                <dt>{t('readerNote')}</dt>
                <dd>{article.note}</dd>
              </>
            )}
          </dl>
        </header>
        <article class="sc-article-text" lang={article.language ?? undefined}>
          {paragraphs.map((sentences, p) => (
            <p key={p}>
              {sentences.map((i) => {
                const { text } = article.sentences[i]!;
                const spans = (marks.get(i) ?? []).sort((a, b) => a[0] - b[0]);
                const parts = [];
                let at = 0;
                for (const [s, e, id] of spans) {
                  if (s < at) continue;
                  parts.push(text.slice(at, s));
                  parts.push(
                    <button
                      type="button"
                      key={s}
                      class="sc-mention"
                      title={names.get(id)}
                      onClick={() => setSelected(id)}
                    >
                      {text.slice(s, e)}
                    </button>,
                  );
                  at = e;
                }
                parts.push(text.slice(at));
                return (
                  <span
                    key={i}
                    id={`sentence-${i}`}
                    tabIndex={-1}
                    class={`sc-sentence-text${target.sentence === i ? ' sc-target' : ''}`}
                  >
                    {parts}{' '}
                  </span>
                );
              })}
            </p>
          ))}
        </article>
      </main>
      <aside class="sc-reader-side" aria-labelledby="sc-entities-title">
        <h2 id="sc-entities-title" class="sc-section-title">
          {t('readerNames')}
        </h2>
        <ul class="sc-page-list">
          {entities.map(({ entity, mentions }) => (
            <li key={entity.id}>
              <button
                type="button"
                class={`sc-page-item${selected === entity.id ? ' sc-active' : ''}`}
                aria-pressed={selected === entity.id}
                onClick={() => setSelected(entity.id)}
              >
                <span class="sc-page-name">{entity.name}</span>
                <span class="sc-result-type">{typeLabel(entity.type)}</span>
                <span class="sc-page-count" aria-label={tn('countSentence', mentions.length)}>
                  {mentions.length}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {details && (
          <div class="sc-reader-card">
            <EntityCard
              details={details}
              headingId="sc-reader-entity"
              onOpenReader={(articleId, sentence) =>
                (location.hash = `article=${encodeURIComponent(articleId)}&sentence=${sentence}`)
              }
            />
          </div>
        )}
      </aside>
    </div>
  );
}
