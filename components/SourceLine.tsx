import type { ArticleMeta } from '../lib/messages';
import { sourceParts } from '../lib/format';

/** Which article and outlet said it: "Outlet unknown, citing Breitbart · Title unknown · date unknown". */
export function SourceLine({ article }: { article: ArticleMeta }) {
  const { outlet, title, date } = sourceParts(article);
  return (
    <p class="sc-source">
      <span class="sc-outlet">{outlet}</span>
      <span aria-hidden="true"> · </span>
      <cite class="sc-title">{title}</cite>
      <span aria-hidden="true"> · </span>
      <span class="sc-date">{date}</span>
    </p>
  );
}
