/** How index data reads in the UI. Unknowns are said to be unknown, never guessed. */
import type { Attribution, Entity } from './index/schema';
import type { EntityType } from './index/constants';

export const TYPE_LABELS: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  law: 'Law',
  facility: 'Facility',
  program: 'Programme',
  document: 'Document',
  other: 'Other',
};

/** "Quote — Donald Trump", "Reported — according to Breitbart", "Narration — outlet unknown". */
export function attributionLabel(a: Attribution): string {
  switch (a.role) {
    case 'narration':
      return `Narration — ${a.by ?? 'outlet unknown'}`;
    case 'quote':
      return `Quote — ${a.by ?? 'speaker unknown'}`;
    case 'reported':
      return a.cue === 'according to'
        ? `Reported — according to ${a.by ?? 'an unnamed source'}`
        : `Reported — ${a.by ?? 'an unnamed party'}${a.cue ? ` (${a.cue})` : ''}`;
  }
}

export function formatDate(iso: string | null): string {
  if (!iso) return 'date unknown';
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function articleCount(entity: Pick<Entity, 'mentions'>): number {
  return new Set(entity.mentions.map((m) => m.articleId)).size;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Splits a sentence into plain and emphasised parts, for rendering as text (never as HTML). */
export function emphasise(
  sentence: string,
  spans: Array<[number, number]>,
): Array<{ text: string; em: boolean }> {
  const parts: Array<{ text: string; em: boolean }> = [];
  let at = 0;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (s < at) continue;
    if (s > at) parts.push({ text: sentence.slice(at, s), em: false });
    parts.push({ text: sentence.slice(s, e), em: true });
    at = e;
  }
  if (at < sentence.length) parts.push({ text: sentence.slice(at), em: false });
  return parts;
}
