/**
 * Reads one seed article. Two formats:
 *
 * **Plain text (`.txt`)**: a `---` header of `key: <JSON value>` lines, then the article text.
 *
 *     ---
 *     title: "Headline"        (or null when the source gives none — never invented)
 *     outlet: null
 *     citedSources: ["Breitbart"]
 *     url: null
 *     published: "2025-04-01"  (YYYY-MM-DD or null)
 *     language: "en"
 *     note: "optional free text about provenance"
 *     id: "optional-slug"      (defaults to the file name without its extension)
 *     ---
 *     Article text…
 *
 * **Markdown (`.md`)**: YAML front matter as the shared White House pages have it (`title`, `date` or
 * `published_time`, `source_url`; other keys are ignored), then Markdown. The outlet, cited sources and
 * language come from a `source.json` beside the file (or in a folder above it), set once per folder.
 */
import { parseDocument } from 'yaml';
import { SeedError } from './errors';
import { linesAsBlocks, markdownToText, type Block } from './markdown';

export interface SeedMetadata {
  title: string | null;
  outlet: string | null;
  citedSources: string[];
  url: string | null;
  published: string | null;
  language: string | null;
  note: string | null;
}

export interface SeedArticle extends SeedMetadata {
  id: string;
  file: string;
  text: string;
  /** Paragraphs, headings, list items and block quotes of `text`, in order (default: each line a paragraph). */
  blocks?: Block[];
}

/** What a folder's `source.json` says about every article in it. */
export interface FolderDefaults {
  outlet: string | null;
  citedSources: string[];
  language: string | null;
}

export const NO_FOLDER_DEFAULTS: FolderDefaults = {
  outlet: null,
  citedSources: [],
  language: null,
};

/** An id is used in URLs and as an object key: letters, digits, "_" and "-" only. */
export const ARTICLE_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

const REQUIRED_FIELDS = [
  'title',
  'outlet',
  'citedSources',
  'url',
  'published',
  'language',
] as const;
const OPTIONAL_FIELDS = ['id', 'note'] as const;
const KNOWN_FIELDS = new Set<string>([...REQUIRED_FIELDS, ...OPTIONAL_FIELDS]);

/**
 * Returns the 1-based line of the first byte that is not valid UTF-8, or null when all is valid. Strict,
 * as the Unicode standard's table of well-formed sequences: no overlong forms (C0, C1, E0 80–9F,
 * F0 80–8F), no surrogates (ED A0–BF), nothing above U+10FFFF (F4 90–BF, F5–FF).
 */
export function firstInvalidUtf8Line(bytes: Uint8Array): number | null {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    let extra: number;
    // The range the second byte must fall in; later continuation bytes are 80–BF.
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) extra = 0;
    else if (b >= 0xc2 && b <= 0xdf) extra = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      extra = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return line;
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return line;
    }
    i += extra + 1;
  }
  return null;
}

export function decodeUtf8(file: string, bytes: Uint8Array): string {
  const badLine = firstInvalidUtf8Line(bytes);
  if (badLine !== null)
    throw new SeedError(file, badLine, 'not valid UTF-8 text (save it as UTF-8)');
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function expectString(file: string, line: number, key: string, value: unknown, nullable: boolean) {
  if (value === null && nullable) return;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SeedError(
      file,
      line,
      `"${key}" must be a non-empty string${nullable ? ' or null (unknown)' : ''}`,
    );
  }
}

function validateField(file: string, line: number, key: string, value: unknown): void {
  switch (key) {
    case 'citedSources':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
        throw new SeedError(
          file,
          line,
          '"citedSources" must be a list of names, e.g. ["Breitbart"] or []',
        );
      }
      return;
    case 'published':
      expectString(file, line, key, value, true);
      if (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        throw new SeedError(file, line, '"published" must be a date written YYYY-MM-DD, or null');
      }
      return;
    case 'url':
      expectString(file, line, key, value, true);
      if (typeof value === 'string' && !/^https?:\/\/\S+$/.test(value)) {
        throw new SeedError(file, line, '"url" must be an http(s) address, or null');
      }
      return;
    case 'id':
      if (typeof value !== 'string' || !ARTICLE_ID_RE.test(value)) {
        throw new SeedError(file, line, '"id" must be letters, digits, "_" or "-"');
      }
      return;
    default:
      expectString(file, line, key, value, true);
  }
}

/** Parses a seed file's text. `defaultId` (from the file name) applies unless the header sets "id". */
export function parseSeedText(file: string, defaultId: string, source: string): SeedArticle {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    throw new SeedError(file, 1, 'a seed starts with a "---" metadata header');
  }
  const meta: Record<string, unknown> = {};
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    if (raw.trim() === '---') {
      end = i;
      break;
    }
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const m = /^([A-Za-z][A-Za-z0-9]*)\s*:\s*(.*)$/.exec(raw);
    if (!m)
      throw new SeedError(file, lineNo, `expected "key: value", found ${JSON.stringify(raw)}`);
    const [, key, rawValue] = m as unknown as [string, string, string];
    if (!KNOWN_FIELDS.has(key)) {
      throw new SeedError(
        file,
        lineNo,
        `unknown field "${key}" (known: ${[...KNOWN_FIELDS].join(', ')})`,
      );
    }
    if (key in meta) throw new SeedError(file, lineNo, `field "${key}" is given twice`);
    let value: unknown;
    try {
      value = JSON.parse(rawValue);
    } catch {
      throw new SeedError(
        file,
        lineNo,
        `the value of "${key}" is not valid JSON (write strings in double quotes, unknown as null)`,
      );
    }
    validateField(file, lineNo, key, value);
    meta[key] = value;
  }
  if (end < 0) throw new SeedError(file, null, 'the metadata header is never closed with "---"');
  for (const key of REQUIRED_FIELDS) {
    if (!(key in meta)) {
      throw new SeedError(file, end + 1, `missing field "${key}" (write null when it is unknown)`);
    }
  }
  const text = lines
    .slice(end + 1)
    .join('\n')
    .trim();
  if (text === '') throw new SeedError(file, end + 2, 'the article has no text');
  return {
    id: articleId(file, (meta.id as string | undefined) ?? defaultId),
    file,
    title: meta.title as string | null,
    outlet: meta.outlet as string | null,
    citedSources: meta.citedSources as string[],
    url: meta.url as string | null,
    published: meta.published as string | null,
    language: meta.language as string | null,
    note: (meta.note as string | null | undefined) ?? null,
    text,
    blocks: linesAsBlocks(text),
  };
}

function articleId(file: string, id: string): string {
  if (!ARTICLE_ID_RE.test(id))
    throw new SeedError(
      file,
      null,
      `the file name gives the id "${id}": use letters, digits, "_" or "-", or set "id"`,
    );
  return id;
}

/** The YAML front matter's line count (with both fences) and its text, or null when there is none. */
function frontMatter(source: string): { yaml: string; lines: number } | null {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return null;
  const close = lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(l));
  if (close < 0) return { yaml: '', lines: -1 };
  return { yaml: lines.slice(1, close).join('\n'), lines: close + 1 };
}

/** "2025-03-27", "2025-03-27 10:06:32-04:00" or an ISO timestamp → "2025-03-27". */
function dateOnly(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return value as null | undefined;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+\-Z]*)?$/.exec(String(value).trim());
  return m ? m[1]! : undefined;
}

/** Parses a Markdown seed: YAML front matter, then the Markdown body. */
export function parseMarkdownSeed(
  file: string,
  defaultId: string,
  source: string,
  folder: FolderDefaults = NO_FOLDER_DEFAULTS,
): SeedArticle {
  const front = frontMatter(source);
  if (!front) throw new SeedError(file, 1, 'a Markdown seed starts with "---" YAML front matter');
  if (front.lines < 0)
    throw new SeedError(file, null, 'the front matter is never closed with "---"');
  const doc = parseDocument(front.yaml);
  const yamlError = doc.errors[0];
  if (yamlError) {
    // +1 for the opening "---"; the parser counts from the first line of the YAML.
    const offset = yamlError.pos[0];
    const line = front.yaml.slice(0, offset).split('\n').length + 1;
    throw new SeedError(
      file,
      line,
      `broken YAML front matter: ${yamlError.message.split('\n')[0]}`,
    );
  }
  const meta: unknown = doc.toJS();
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta))
    throw new SeedError(file, 2, 'the front matter must be "key: value" lines');
  const field = (key: string): unknown => (meta as Record<string, unknown>)[key];
  const lineOf = (key: string): number => {
    const at = front.yaml.split('\n').findIndex((l) => l.startsWith(`${key}:`));
    return at < 0 ? 1 : at + 2;
  };
  const title = field('title');
  if (typeof title !== 'string' || title.trim() === '')
    throw new SeedError(file, title === undefined ? 1 : lineOf('title'), 'missing "title"');
  const rawDate = field('published_time') ?? field('date') ?? field('published');
  const published = dateOnly(rawDate);
  if (published === undefined && rawDate !== undefined)
    throw new SeedError(
      file,
      lineOf(field('published_time') !== undefined ? 'published_time' : 'date'),
      'the date must be written YYYY-MM-DD',
    );
  const url = field('source_url') ?? field('url') ?? null;
  if (url !== null && (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url)))
    throw new SeedError(
      file,
      lineOf(field('source_url') !== undefined ? 'source_url' : 'url'),
      '"source_url" must be an http(s) address',
    );
  const outlet = field('outlet');
  const language = field('language');
  const id = field('id');
  if (id !== undefined) validateField(file, lineOf('id'), 'id', id);
  const { text, blocks } = markdownToText(source.split(/\r?\n/).slice(front.lines).join('\n'));
  if (text === '') throw new SeedError(file, front.lines + 1, 'the article has no text');
  return {
    id: articleId(file, (id as string | undefined) ?? defaultId),
    file,
    title: title.trim(),
    outlet: typeof outlet === 'string' ? outlet : folder.outlet,
    citedSources: folder.citedSources,
    url: url as string | null,
    published: published ?? null,
    language: typeof language === 'string' ? language : folder.language,
    note: typeof field('note') === 'string' ? (field('note') as string) : null,
    text,
    blocks,
  };
}

/** Parses a folder's `source.json`: `{ "outlet": "…", "citedSources": [], "language": "en" }`. */
export function parseFolderDefaults(file: string, source: string): FolderDefaults {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (err) {
    throw new SeedError(file, 1, `not valid JSON (${(err as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new SeedError(
      file,
      1,
      'expected an object like { "outlet": "The White House", "language": "en" }',
    );
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v))
    if (!['outlet', 'citedSources', 'language'].includes(key))
      throw new SeedError(
        file,
        1,
        `unknown field "${key}" (known: outlet, citedSources, language)`,
      );
  for (const key of ['outlet', 'language'] as const)
    if (v[key] !== undefined) expectString(file, 1, key, v[key], true);
  if (v.citedSources !== undefined) validateField(file, 1, 'citedSources', v.citedSources);
  return {
    outlet: (v.outlet as string | null | undefined) ?? null,
    citedSources: (v.citedSources as string[] | undefined) ?? [],
    language: (v.language as string | null | undefined) ?? null,
  };
}
