/**
 * The hover card and the popup's page list render in the interface's language, from the real
 * messages.json files; what the sources say (names, sentences, outlets, cues) stays as written.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { EntityDetails, MentionView } from '../../../lib/messages';
import { PageMentions } from '../../../components/PageMentions';
import { Popover } from '../../../components/Popover';
import { useLocale } from '../setup';

const sentence = (i: number, attribution: MentionView['attribution']): MentionView => ({
  articleId: 'a1',
  sentenceIndex: i,
  spans: [[0, 5]],
  sentence: `Bukele said the prison holds ${i} hundred men.`,
  attribution,
});

const details: EntityDetails = {
  entity: {
    id: 'nayib-bukele',
    name: 'Nayib Bukele',
    type: 'person',
    aliases: [{ text: 'Bukele', caseSensitive: false, requireCapital: true }],
    roles: ['President'],
    mentions: [
      sentence(0, { role: 'narration', by: 'Example Times' }),
      sentence(1, { role: 'reported', by: 'Breitbart', cue: 'according to' }),
      sentence(2, { role: 'quote', by: null }),
    ],
  },
  articles: {
    a1: {
      id: 'a1',
      title: 'The prison in the valley',
      outlet: null,
      citedSources: ['Breitbart'],
      url: 'https://example.org/a1',
      published: '2025-03-05',
      language: 'en',
      note: null,
    },
  },
};

const noop = () => {};
let host: HTMLElement | null = null;

function card(muted: 'site' | null = null): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  render(
    <Popover
      details={details}
      pageText="Bukele"
      pinned={false}
      muted={muted}
      onClose={noop}
      onMute={noop}
      onUndoMute={noop}
      onOpenReader={noop}
      onPointerEnter={noop}
      onPointerLeave={noop}
      onPin={noop}
      onKeyDown={noop}
    />,
    host,
  );
  return host;
}

afterEach(() => {
  if (host) render(null, host);
  host?.remove();
  host = null;
});

describe('the hover card', () => {
  it('speaks English by default', () => {
    const text = card().textContent!;
    expect(text).toContain('Person');
    expect(text).toContain('3 sentences in 1 indexed article from 1 source');
    expect(text).toContain('Outlet unknown, citing Breitbart');
    expect(text).toContain('5 Mar 2025');
    expect(text).toContain('1 more sentence in this article');
    expect(text).toContain('Not this? Stop marking “Nayib Bukele”');
    expect(host!.querySelector('[role="dialog"]')!.getAttribute('lang')).toBe('en-GB');
  });

  it('speaks Spanish when the browser serves the Spanish messages', () => {
    useLocale('es');
    const root = card();
    const text = root.textContent!;
    expect(text).toContain('Persona');
    expect(text).toContain('Otros nombres');
    expect(text).toContain('Cargos según las fuentes');
    expect(text).toContain('3 frases en 1 artículo indexado de 1 fuente');
    expect(text).toContain('Medio desconocido, que cita a Breitbart');
    expect(text).toContain('1 artículo · 3 frases · 5 mar 2025');
    expect(text).toContain('Atribuido — según Breitbart');
    expect(text).toContain('1 frase más de este artículo');
    expect(text).toContain('¿No corresponde? Dejar de marcar «Nayib Bukele»');
    expect(text).toContain('Alt+Mayús+M');
    expect(root.querySelector('[aria-label="Cerrar"]')).not.toBeNull();
    expect(root.querySelector('[role="dialog"]')!.getAttribute('lang')).toBe('es');
    // The sources' words stay as they are, marked with their own language.
    expect(text).toContain('Bukele said the prison holds 0 hundred men.');
    expect(text).toContain('President');
    expect(root.querySelector('.sc-sentences')!.getAttribute('lang')).toBe('en');
    // No English interface words left.
    for (const english of [
      'Also called',
      'sentences',
      'Outlet unknown',
      'Reported',
      'Not this',
      'more',
    ])
      expect(text).not.toContain(english);
  });

  it('confirms a mute in Spanish', () => {
    useLocale('es');
    expect(card('site').textContent).toContain('Ya no se marca en este sitio. Deshacer');
  });
});

describe("the popup's page list", () => {
  it('counts mentions in Spanish for screen readers', () => {
    useLocale('es');
    host = document.createElement('div');
    render(
      <PageMentions
        entities={[{ entityId: 'x', name: 'CECOT', count: 1, firstIndex: 0, marked: false }]}
        onReveal={noop}
      />,
      host,
    );
    expect(host.querySelector('.sc-page-count')!.getAttribute('aria-label')).toBe('1 mención');
    expect(host.textContent).toContain('sin marcar');
  });
});
