/** t, tn, dates and labels in the interface's language, from the real messages.json files. */
import { describe, expect, it } from 'vitest';
import {
  attributionLabel,
  formatDate,
  formatDateRange,
  typeLabel,
  TYPE_LABELS,
} from '../../../lib/format';
import { formatNumber, t, tn, uiLocale } from '../../../lib/i18n';
import { sourceLabel } from '../../../lib/sources';
import { useLocale } from '../setup';

describe('English', () => {
  it('reads messages with their substitutions', () => {
    expect(uiLocale()).toBe('en-GB');
    expect(t('popupSiteOn', 'example.com')).toBe('On for example.com');
    expect(t('cardCount', ['a', 'b', 'c'])).toBe('a in b from c');
  });

  it('picks the plural form by Intl.PluralRules and writes the count the English way', () => {
    expect(tn('countArticle', 0)).toBe('0 articles');
    expect(tn('countArticle', 1)).toBe('1 article');
    expect(tn('countArticle', 2)).toBe('2 articles');
    expect(tn('countName', 1234)).toBe('1,234 names');
    expect(tn('cardMoreArticles', 1, ['Breitbart'])).toBe('1 more article from Breitbart');
  });

  it('writes dates and spans of dates as British English does', () => {
    expect(formatDate('2025-03-05')).toBe('5 Mar 2025');
    // A timestamp (when an own source was saved) is written as its day.
    expect(formatDate('2026-11-29T10:00:00.000Z')).toBe('29 Nov 2026');
    expect(formatDate(null)).toBe('date unknown');
    expect(formatDate('sometime')).toBe('sometime');
    expect(formatDateRange('2025-03-05', '2025-03-05')).toBe('5 Mar 2025');
    expect(formatDateRange('2025-03-05', '2025-04-07')).toMatch(/^5 Mar\s–\s7 Apr 2025$/);
    expect(formatDateRange(null, '2025-04-07')).toBe('date unknown');
  });

  it('labels types and attributions', () => {
    expect(typeLabel('organization')).toBe('Organisation');
    expect(TYPE_LABELS.person).toBe('Person');
    expect(attributionLabel({ role: 'quote', by: 'Donald Trump' })).toBe('Quote — Donald Trump');
    expect(attributionLabel({ role: 'narration', by: null })).toBe('Narration — outlet unknown');
    expect(attributionLabel({ role: 'reported', by: 'Breitbart', cue: 'according to' })).toBe(
      'Reported — according to Breitbart',
    );
    expect(attributionLabel({ role: 'reported', by: 'Noem', cue: 'said' })).toBe(
      'Reported — Noem (said)',
    );
  });
});

describe('Spanish', () => {
  it('takes the locale for Intl from its own messages', () => {
    useLocale('es');
    expect(uiLocale()).toBe('es');
    expect(t('popupSiteOn', 'example.com')).toBe('Activado en example.com');
  });

  it('picks Spanish plural forms and writes numbers the Spanish way', () => {
    useLocale('es');
    expect(tn('countArticle', 0)).toBe('0 artículos');
    expect(tn('countArticle', 1)).toBe('1 artículo');
    expect(tn('countArticle', 2)).toBe('2 artículos');
    expect(tn('countName', 12345)).toBe('12.345 nombres');
    // Intl.PluralRules('es') says "many" for a million; the translation has no _many, so _other.
    expect(new Intl.PluralRules('es').select(1_000_000)).toBe('many');
    expect(tn('countArticle', 1_000_000)).toBe('1.000.000 artículos');
    expect(formatNumber(1_000_000)).toBe('1.000.000');
  });

  it('writes dates in Spanish', () => {
    useLocale('es');
    expect(formatDate('2025-03-05')).toBe('5 mar 2025');
    expect(formatDate(null)).toBe('fecha desconocida');
    expect(formatDateRange('2025-03-05', '2025-04-07')).toMatch(/^5 mar\s–\s7 abr 2025$/);
  });

  it('labels types, attributions and sources in Spanish; names and cues stay as the source has them', () => {
    useLocale('es');
    expect(typeLabel('organization')).toBe('Organización');
    expect(TYPE_LABELS.place).toBe('Lugar');
    expect(attributionLabel({ role: 'quote', by: null })).toBe('Cita — hablante desconocido');
    expect(attributionLabel({ role: 'reported', by: 'Breitbart', cue: 'according to' })).toBe(
      'Atribuido — según Breitbart',
    );
    expect(attributionLabel({ role: 'reported', by: 'Noem', cue: 'said' })).toBe(
      'Atribuido — Noem («said»)',
    );
    const article = { outlet: null, citedSources: ['Breitbart'] } as unknown as Parameters<
      typeof sourceLabel
    >[0];
    expect(sourceLabel(article)).toBe('Medio desconocido, que cita a Breitbart');
  });
});
