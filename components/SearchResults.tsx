/** The popup's result list: a listbox driven from the search box (↑/↓/Enter), matched letters marked. */
import type { SearchHit } from '../lib/search';
import { typeLabel } from '../lib/format';
import { t } from '../lib/i18n';

function Marked({
  text,
  ranges,
}: {
  text: string;
  ranges: ReadonlyArray<readonly [number, number]>;
}) {
  const parts: Array<{ t: string; m: boolean }> = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s < at) continue;
    if (s > at) parts.push({ t: text.slice(at, s), m: false });
    parts.push({ t: text.slice(s, e + 1), m: true });
    at = e + 1;
  }
  if (at < text.length) parts.push({ t: text.slice(at), m: false });
  return <>{parts.map((p, i) => (p.m ? <mark key={i}>{p.t}</mark> : p.t))}</>;
}

/** A window of the sentence around its first match, so the match is visible in one line. */
function snippet(text: string, ranges: ReadonlyArray<readonly [number, number]>) {
  const longest = [...ranges].sort((a, b) => b[1] - b[0] - (a[1] - a[0]))[0];
  // Start a few words before the match, at a word's start.
  let from = Math.max(0, (longest?.[0] ?? 0) - 40);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < (longest?.[0] ?? 0)) from = space + 1;
  }
  const shifted = ranges.map(([s, e]) => [s - from, e - from] as const).filter(([s]) => s >= 0);
  return {
    text: (from > 0 ? '…' : '') + text.slice(from),
    ranges: shifted.map(([s, e]) => [s + (from > 0 ? 1 : 0), e + (from > 0 ? 1 : 0)] as const),
  };
}

export interface SearchResultsProps {
  id: string;
  hits: SearchHit[];
  activeIndex: number;
  onChoose: (index: number) => void;
  onHover: (index: number) => void;
}

export function SearchResults({ id, hits, activeIndex, onChoose, onHover }: SearchResultsProps) {
  return (
    <ul id={id} class="sc-results" role="listbox" aria-label={t('searchResults')}>
      {hits.map((hit, i) => {
        const s =
          hit.matchedSentence && hit.nameRanges.length === 0
            ? snippet(hit.matchedSentence.text, hit.matchedSentence.ranges)
            : null;
        return (
          <li
            key={hit.entity.id}
            id={`${id}-${i}`}
            role="option"
            aria-selected={i === activeIndex}
            class={`sc-result${i === activeIndex ? ' sc-active' : ''}`}
            onClick={() => onChoose(i)}
            onMouseMove={() => onHover(i)}
          >
            <span class="sc-result-name">
              <Marked text={hit.entity.name} ranges={hit.nameRanges} />
            </span>
            <span class="sc-result-type">{typeLabel(hit.entity.type)}</span>
            {hit.matchedAlias && hit.nameRanges.length === 0 && (
              <span class="sc-result-extra">{t('searchAlsoAlias', hit.matchedAlias)}</span>
            )}
            {s && (
              <span class="sc-result-extra sc-result-sentence">
                <Marked text={s.text} ranges={s.ranges} />
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
