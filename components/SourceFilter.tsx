/** The popup's filter by source: one native select, "All sources" first, then each source and its size. */
import { t, tn } from '../lib/i18n';
import type { SourceChoice } from '../lib/source-filter';

export function SourceFilter(props: {
  sources: readonly SourceChoice[];
  /** The chosen source's label, or null for all of them. */
  value: string | null;
  onChange: (label: string | null) => void;
}) {
  return (
    <label class="sc-source-filter">
      <span>{t('popupSourceFilter')}</span>
      <select
        value={props.value ?? ''}
        onChange={(e) => {
          const v = (e.currentTarget as HTMLSelectElement).value;
          props.onChange(v === '' ? null : v);
        }}
      >
        <option value="">{t('popupAllSources')}</option>
        {props.sources.map((s) => (
          <option key={s.label} value={s.label}>
            {t('popupSourceOption', [s.label, tn('countArticle', s.articles)])}
          </option>
        ))}
      </select>
    </label>
  );
}
