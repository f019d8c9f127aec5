/**
 * Reads one seed article: a `---` header of `key: <JSON value>` lines, then the article text.
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
 */
import { SeedError } from './errors';

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
}

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

/** Returns the 1-based line of the first byte that is not valid UTF-8, or null when all is valid. */
export function firstInvalidUtf8Line(bytes: Uint8Array): number | null {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    let extra: number;
    if (b < 0x80) extra = 0;
    else if (b >= 0xc2 && b <= 0xdf) extra = 1;
    else if (b >= 0xe0 && b <= 0xef) extra = 2;
    else if (b >= 0xf0 && b <= 0xf4) extra = 3;
    else return line;
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return line;
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
      if (typeof value !== 'string' || !/^[A-Za-z0-9_-]+$/.test(value)) {
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
    id: (meta.id as string | undefined) ?? defaultId,
    file,
    title: meta.title as string | null,
    outlet: meta.outlet as string | null,
    citedSources: meta.citedSources as string[],
    url: meta.url as string | null,
    published: meta.published as string | null,
    language: meta.language as string | null,
    note: (meta.note as string | null | undefined) ?? null,
    text,
  };
}
