/** How index data reads in the UI. Unknowns are said to be unknown, never guessed. */
import type { Attribution, Entity } from './index/schema';
import type { EntityType } from './index/constants';
import { t, uiLocale, type MessageKey } from './i18n';

const TYPE_KEYS = {
  person: 'typePerson',
  organization: 'typeOrganization',
  place: 'typePlace',
  law: 'typeLaw',
  facility: 'typeFacility',
  program: 'typeProgram',
  document: 'typeDocument',
  other: 'typeOther',
} as const satisfies Record<EntityType, MessageKey>;

/** "Person", "Persona"… in the interface's language. */
export function typeLabel(type: EntityType): string {
  return t(TYPE_KEYS[type]);
}

/** The same labels by type; each read goes through `t`, so it follows the interface's language. */
export const TYPE_LABELS: Readonly<Record<EntityType, string>> = Object.defineProperties(
  {} as Record<EntityType, string>,
  Object.fromEntries(
    Object.keys(TYPE_KEYS).map((type) => [
      type,
      { enumerable: true, get: () => typeLabel(type as EntityType) },
    ]),
  ),
);

/** "Quote — Donald Trump", "Reported — according to Breitbart", "Narration — outlet unknown". */
export function attributionLabel(a: Attribution): string {
  switch (a.role) {
    case 'narration':
      return t('attrNarration', a.by ?? t('attrOutletUnknown'));
    case 'quote':
      return t('attrQuote', a.by ?? t('attrSpeakerUnknown'));
    case 'reported':
      // The cue ("said", "told") is the source's own word, shown as written.
      if (a.cue === 'according to') return t('attrAccordingTo', a.by ?? t('attrUnnamedSource'));
      return a.cue
        ? t('attrReportedCue', [a.by ?? t('attrUnnamedParty'), a.cue])
        : t('attrReported', a.by ?? t('attrUnnamedParty'));
  }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(): Intl.DateTimeFormat {
  const locale = uiLocale();
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(locale, f);
  }
  return f;
}

/** An ISO date ("2025-03-05") as a UTC calendar day, or null when it is not one. */
/** The day of an ISO date or timestamp ("2025-03-05", "2026-11-29T10:00:00.000Z"), as written. */
function day(iso: string): Date | null {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "5 Mar 2025" / "5 mar 2025" in the interface's language; "date unknown" when there is none. */
export function formatDate(iso: string | null): string {
  if (!iso) return t('dateUnknown');
  const d = day(iso);
  return d ? dateFormat().format(d) : iso;
}

/** "5 Mar – 7 Apr 2025": the interface language's own way of writing a span of days. */
export function formatDateRange(from: string | null, to: string | null): string {
  if (!from || !to) return t('dateUnknown');
  const a = day(from);
  const b = day(to);
  if (!a || !b) return from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;
  return a.getTime() === b.getTime() ? dateFormat().format(a) : dateFormat().formatRange(a, b);
}

export function articleCount(entity: Pick<Entity, 'mentions'>): number {
  return new Set(entity.mentions.map((m) => m.articleId)).size;
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
