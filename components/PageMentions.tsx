/** "On this page": the entities the content script found in the tab, with how often each occurs. */
import { t, tn } from '../lib/i18n';
import type { PageMentionItem } from '../lib/messages';

export interface PageEntity {
  entityId: string;
  name: string;
  count: number;
  firstIndex: number;
  /** False when the reader muted it: found on the page, not marked there. */
  marked: boolean;
}

export function groupPageMentions(mentions: PageMentionItem[]): PageEntity[] {
  const byId = new Map<string, PageEntity>();
  mentions.forEach((m, i) => {
    const e = byId.get(m.entityId);
    if (e) e.count++;
    else
      byId.set(m.entityId, {
        entityId: m.entityId,
        name: m.name,
        count: 1,
        firstIndex: i,
        marked: m.marked !== false,
      });
  });
  return [...byId.values()].sort((a, b) => b.count - a.count || a.firstIndex - b.firstIndex);
}

export function PageMentions({
  entities,
  onReveal,
}: {
  entities: PageEntity[];
  onReveal: (e: PageEntity) => void;
}) {
  if (entities.length === 0) return <p class="sc-empty">{t('pageNoNames')}</p>;
  return (
    <ul class="sc-page-list">
      {entities.map((e) => (
        <li key={e.entityId}>
          <button type="button" class="sc-page-item" onClick={() => onReveal(e)}>
            <span class="sc-page-name">{e.name}</span>
            {!e.marked && <span class="sc-page-note">{t('pageNotMarked')}</span>}
            <span class="sc-page-count" aria-label={tn('countMention', e.count)}>
              {e.count}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
