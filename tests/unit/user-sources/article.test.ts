/** The page's article → text and blocks for the builder (happy-dom stands in for the page). */
import { describe, expect, it } from 'vitest';
import {
  MAX_ARTICLE_CHARS,
  blocksFromElement,
  isoDay,
  toExtracted,
} from '../../../lib/user-sources/article';

function element(html: string): Element {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

const lines = (html: string) => {
  const { text, blocks } = blocksFromElement(element(html));
  return blocks.map((b) => [b.kind, text.slice(b.start, b.end)]);
};

describe('blocksFromElement', () => {
  it('gives paragraphs, headings, list items and block quotes one block each, in order', () => {
    expect(
      lines(`
        <h2>The  plan</h2>
        <p>First <b>bold</b> sentence. Second one.</p>
        <ul><li>One item</li><li>Two <a href="#">linked</a></li></ul>
        <blockquote><p>Quoted words.</p><p>More quoted.</p></blockquote>
        <div>Loose text <p>inside para</p> after</div>`),
    ).toEqual([
      ['heading', 'The plan'],
      ['paragraph', 'First bold sentence. Second one.'],
      ['item', 'One item'],
      ['item', 'Two linked'],
      ['quote', 'Quoted words.'],
      ['quote', 'More quoted.'],
      ['paragraph', 'Loose text'],
      ['paragraph', 'inside para'],
      ['paragraph', 'after'],
    ]);
  });

  it('drops code, scripts and styles; a <br> ends a line', () => {
    expect(
      lines('<p>Line one<br>line two</p><pre>code()</pre><script>x()</script><p>Last</p>'),
    ).toEqual([
      ['paragraph', 'Line one'],
      ['paragraph', 'line two'],
      ['paragraph', 'Last'],
    ]);
  });

  it('keeps offsets exact: each block is its slice of the text, joined by newlines', () => {
    const { text, blocks } = blocksFromElement(element('<p>A b.</p><p>C d.</p>'));
    expect(text).toBe('A b.\nC d.');
    expect(blocks).toEqual([
      { start: 0, end: 4, kind: 'paragraph' },
      { start: 5, end: 9, kind: 'paragraph' },
    ]);
  });
});

describe('toExtracted', () => {
  it('takes Readability’s metadata; a date that is not one is unknown, never guessed', () => {
    const r = toExtracted(
      {
        title: ' Title ',
        byline: 'By Someone',
        siteName: 'The Courier',
        publishedTime: 'last Tuesday',
        lang: 'en-GB',
        content: element('<p>Text.</p>'),
      },
      'https://example.com/a',
    );
    expect(r).toMatchObject({
      ok: true,
      article: {
        title: 'Title',
        siteName: 'The Courier',
        published: null,
        language: 'en',
        text: 'Text.',
      },
    });
    expect(isoDay('2026-10-14T08:30:00Z')).toBe('2026-10-14');
  });

  it('no article, an empty one, or one past the limit: refused with the reason', () => {
    expect(toExtracted(null, 'u')).toEqual({ ok: false, reason: 'not-article' });
    expect(toExtracted({ content: element('<p> </p>') }, 'u')).toEqual({
      ok: false,
      reason: 'empty',
    });
    const big = element(`<p>${'word '.repeat(MAX_ARTICLE_CHARS / 5 + 10)}</p>`);
    expect(toExtracted({ content: big }, 'u')).toMatchObject({ ok: false, reason: 'too-large' });
  });
});
