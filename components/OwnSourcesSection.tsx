/**
 * The options page's "My sources": the reader's own sources (title, site, date saved, names found), each
 * opened in the reader or removed (with undo); remove all (with undo); export as JSON or Web Annotations;
 * import a JSON export (validated whole in the background; nothing is taken from a file that fails).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatDate } from '../lib/format';
import { t } from '../lib/i18n';
import { sendToBackground } from '../lib/messages';
import type { UserSource } from '../lib/user-sources/merge';
import type { OwnSourceSummary } from '../lib/user-sources/protocol';
import { watchIndex } from '../lib/user-sources/client';
import { problemMessage } from './own-problem';

const NAMES_SHOWN = 8;

type Status = { message: string; error?: boolean; undo?: UserSource[] } | null;

function download(name: string, value: unknown, type: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function OwnSourcesSection() {
  const [sources, setSources] = useState<OwnSourceSummary[] | null>(null);
  const [status, setStatus] = useState<Status>(null);

  useEffect(() => {
    const load = () => void sendToBackground({ type: 'own-sources-list' }).then(setSources);
    load();
    return watchIndex(load);
  }, []);

  const remove = async (ids: string[] | 'all', title?: string) => {
    const r = await sendToBackground({ type: 'own-sources-remove', ids });
    if (!r.ok) return setStatus({ message: problemMessage(r.problem), error: true });
    setStatus({
      message:
        ids === 'all'
          ? t('ownRemovedAll', String(r.removed.length))
          : t('ownRemoved', title ?? t('ownUntitled')),
      undo: r.removed,
    });
  };
  const undo = async (removed: UserSource[]) => {
    const r = await sendToBackground({ type: 'own-sources-restore', sources: removed });
    setStatus(
      r.ok ? { message: t('ownRestored') } : { message: problemMessage(r.problem), error: true },
    );
  };
  const exportAs = async (format: 'json' | 'annotations') => {
    const value = await sendToBackground({ type: 'own-sources-export', format });
    const day = new Date().toISOString().slice(0, 10);
    if (format === 'json')
      download(`source-context-my-sources-${day}.json`, value, 'application/json');
    else download(`source-context-annotations-${day}.jsonld`, value, 'application/ld+json');
  };
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = '';
    const r = await sendToBackground({ type: 'own-sources-import', text });
    setStatus(
      r.ok
        ? { message: t('ownImported', [String(r.added), String(r.skipped)]) }
        : { message: problemMessage(r.problem), error: true },
    );
  };

  return (
    <section class="sc-section sc-own-sources" aria-labelledby="sc-own-title">
      <h2 id="sc-own-title" class="sc-section-title">
        {t('ownSectionTitle')}
      </h2>
      <p class="sc-empty">{t('ownSectionHelp')}</p>
      {sources && sources.length === 0 && <p class="sc-empty">{t('ownNone')}</p>}
      {sources && sources.length > 0 && (
        <ul class="sc-own-list">
          {sources.map((s) => (
            <li key={s.id} class="sc-own-item">
              <div class="sc-own-head">
                <cite class="sc-own-title">{s.title ?? t('ownUntitled')}</cite>
                <span class="sc-own-meta">
                  {s.outlet ? `${s.outlet} · ` : ''}
                  {t('ownSavedOn', [s.site, formatDate(s.savedAt)])}
                </span>
              </div>
              <p class="sc-own-names">
                {s.names.length === 0
                  ? t('ownNoNames')
                  : `${t('ownNamesFound', String(s.names.length))} — ${s.names
                      .slice(0, NAMES_SHOWN)
                      .map((n) => n.name)
                      .join(', ')}${s.names.length > NAMES_SHOWN ? ', …' : ''}`}
              </p>
              <div class="sc-own-actions">
                <a
                  class="sc-link"
                  href={browser.runtime.getURL(
                    `/reader.html#article=${encodeURIComponent(s.id)}` as '/reader.html',
                  )}
                  target="_blank"
                  rel="noreferrer"
                >
                  {t('ownOpenReader')}
                </a>
                <button
                  type="button"
                  class="sc-link"
                  aria-label={`${t('ownRemove')}: ${s.title ?? t('ownUntitled')}`}
                  onClick={() => void remove([s.id], s.title ?? undefined)}
                >
                  {t('ownRemove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div class="sc-own-actions">
        {sources && sources.length > 0 && (
          <>
            <button type="button" class="sc-button" onClick={() => void exportAs('json')}>
              {t('ownExportJson')}
            </button>
            <button type="button" class="sc-button" onClick={() => void exportAs('annotations')}>
              {t('ownExportAnnotations')}
            </button>
          </>
        )}
        <label class="sc-button sc-own-import">
          {t('ownImport')}
          <input
            type="file"
            accept="application/json,.json"
            class="sc-visually-hidden"
            onChange={(e) => void importFile(e.currentTarget)}
          />
        </label>
        {sources && sources.length > 0 && (
          <button type="button" class="sc-button sc-danger" onClick={() => void remove('all')}>
            {t('ownRemoveAll')}
          </button>
        )}
      </div>
      <p
        class={status?.error ? 'sc-error sc-own-status' : 'sc-status sc-own-status'}
        role="status"
        aria-live="polite"
      >
        {status?.message ?? ''}
        {status?.undo && status.undo.length > 0 && (
          <>
            {' '}
            <button type="button" class="sc-link" onClick={() => void undo(status.undo!)}>
              {t('ownUndo')}
            </button>
          </>
        )}
      </p>
    </section>
  );
}
