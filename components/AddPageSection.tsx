/**
 * The popup's "Add this page to my sources": reads the tab's article (Readability, in the page, on
 * request), shows it for confirmation — title, site, date, first lines, names found — and on confirmation
 * stores and indexes it (lib/user-sources/runtime.ts). Nothing is stored before the reader confirms.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatDate } from '../lib/format';
import { t } from '../lib/i18n';
import { sendToBackground } from '../lib/messages';
import type { PreviewResponse } from '../lib/user-sources/protocol';
import { problemMessage } from './own-problem';

type State =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'confirm'; preview: Extract<PreviewResponse, { ok: true }> }
  | { step: 'adding' }
  | { step: 'done'; message: string }
  | { step: 'error'; message: string };

const NAMES_SHOWN = 12;

export function AddPageSection({ tabId, autoStart }: { tabId: number; autoStart?: boolean }) {
  const [state, setState] = useState<State>({ step: 'idle' });

  const read = async () => {
    setState({ step: 'reading' });
    try {
      const preview = await sendToBackground({ type: 'own-sources-preview', tabId });
      if (!preview.ok) setState({ step: 'error', message: problemMessage(preview.problem) });
      else if (preview.duplicateOf !== null)
        setState({ step: 'done', message: t('ownAlready', preview.duplicateOf) });
      else setState({ step: 'confirm', preview });
    } catch (err) {
      setState({ step: 'error', message: t('ownErrIndex', String(err)) });
    }
  };
  const add = async (preview: Extract<PreviewResponse, { ok: true }>) => {
    setState({ step: 'adding' });
    const r = await sendToBackground({ type: 'own-sources-add', source: preview.source });
    setState(
      r.ok
        ? {
            step: 'done',
            message: r.added
              ? t('ownAdded')
              : t('ownAlready', preview.source.title ?? preview.source.url),
          }
        : { step: 'error', message: problemMessage(r.problem) },
    );
  };

  useEffect(() => {
    if (autoStart) void read();
  }, []);

  return (
    <section class="sc-section sc-own-add" aria-labelledby="sc-own-add-title">
      <h2 id="sc-own-add-title" class="sc-visually-hidden">
        {t('ownAddPage')}
      </h2>
      {(state.step === 'idle' || state.step === 'done' || state.step === 'error') && (
        <button type="button" class="sc-button" onClick={() => void read()}>
          {t('ownAddPage')}
        </button>
      )}
      {(state.step === 'reading' || state.step === 'adding') && (
        <p class="sc-empty" role="status">
          {state.step === 'reading' ? t('ownReading') : t('ownAdding')}
        </p>
      )}
      {state.step === 'done' && (
        <p class="sc-own-status" role="status">
          {state.message}
        </p>
      )}
      {state.step === 'error' && (
        <p class="sc-error" role="alert">
          {state.message}
        </p>
      )}
      {state.step === 'confirm' && (
        <Confirm
          preview={state.preview}
          onAdd={() => void add(state.preview)}
          onCancel={() => setState({ step: 'idle' })}
        />
      )}
    </section>
  );
}

function Confirm({
  preview,
  onAdd,
  onCancel,
}: {
  preview: Extract<PreviewResponse, { ok: true }>;
  onAdd: () => void;
  onCancel: () => void;
}) {
  const { article, firstLines, names } = preview;
  return (
    <div class="sc-own-confirm" role="group" aria-labelledby="sc-own-confirm-title">
      <h3 id="sc-own-confirm-title" class="sc-own-confirm-title">
        {t('ownConfirmHeading')}
      </h3>
      <p class="sc-own-preview-title">
        <cite>{article.title ?? t('ownUntitled')}</cite>
      </p>
      <p class="sc-own-preview-meta">
        {article.siteName ?? t('ownSiteUnknown')} ·{' '}
        {article.published ? formatDate(article.published) : t('ownDateUnknown')}
        {article.byline && <> · {t('ownByline', article.byline)}</>}
      </p>
      <blockquote class="sc-own-preview-lines">
        {firstLines.map((line, i) => (
          <p key={i}>{line.length > 220 ? `${line.slice(0, 220)}…` : line}</p>
        ))}
      </blockquote>
      <p class="sc-own-preview-names">
        {names.length === 0
          ? t('ownNoNames')
          : `${t('ownNamesFound', String(names.length))} — ${names
              .slice(0, NAMES_SHOWN)
              .map((n) => n.name)
              .join(', ')}${names.length > NAMES_SHOWN ? ', …' : ''}`}
      </p>
      <div class="sc-own-actions">
        <button
          type="button"
          class="sc-button sc-primary"
          onClick={onAdd}
          ref={(el) => el?.focus()}
        >
          {t('ownConfirm')}
        </button>
        <button type="button" class="sc-button" onClick={onCancel}>
          {t('ownCancel')}
        </button>
      </div>
    </div>
  );
}
